#include "fetch/hostvars_text.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdint>
#include <numeric>
#include <optional>
#include <unordered_map>
#include <utility>
#include <vector>

#include "ec2/model/snake_case.h"
#include "ec2/model/visit.h"
#include "output/sorted_json.h"
#include "config/unicode_tables.h"

namespace ec2::inventory::aws_ec2 {
namespace {

/// A member name as written: its text, and optionally that text already quoted, with its colon
/// and the space the laid-out form puts after it.
struct Key {
  std::string_view name;
  std::string_view quoted;  ///< `"name": `, or empty to have append_object quote it.
};

/// An object member: its key and its value as JSON text.
struct Entry {
  Key key;
  std::string_view value;
};

/// The members the writer treats specially, told apart by name once.
enum class Role : uint8_t { Other, Tags, Value, InstanceId, Placement, AvailabilityZone };

Role role_of(std::string_view name) {
  if (name == "Tags") return Role::Tags;
  if (name == "Value") return Role::Value;
  if (name == "InstanceId") return Role::InstanceId;
  if (name == "Placement") return Role::Placement;
  if (name == "AvailabilityZone") return Role::AvailabilityZone;
  return Role::Other;
}

/// A botocore member name as the writer uses it: camel_to_snake of it, quoted, and its role.
struct Name {
  std::string snake;
  std::string quoted;  ///< `"snake": `
  Role role = Role::Other;

  Key key() const { return {snake, quoted}; }
};

/// The Name of a member name (from the model's tables), computed once per name and thread.
const Name& name_of(const char* name) {
  thread_local std::unordered_map<const char*, Name> cache;
  auto it = cache.find(name);
  if (it == cache.end()) {
    Name info{camel_to_snake(name), "", role_of(name)};
    append_json_string(info.quoted, info.snake);
    info.quoted += ": ";
    it = cache.emplace(name, std::move(info)).first;
  }
  return it->second;
}

/// An object member whose value text is at [begin, end) of the writer's buffer.
struct Member {
  Key key;
  size_t begin = 0;
  size_t end = 0;
};

/// The positions of `members` in key order, ties broken by position (a stable sort without
/// stable_sort's buffer per call).
void sort_positions(const std::vector<Entry>& members, std::vector<uint32_t>& order) {
  order.resize(members.size());
  std::iota(order.begin(), order.end(), 0u);
  std::sort(order.begin(), order.end(), [&](uint32_t a, uint32_t b) {
    int c = members[a].key.name.compare(members[b].key.name);
    return c < 0 || (c == 0 && a < b);
  });
}

/// An object made of `members`, sorted by key (of equal keys the last one given wins), laid out
/// at nesting level `level` (see hostvars_text).
void append_object(std::string& out, const std::vector<Entry>& members, int level) {
  thread_local std::vector<uint32_t> order;  // reused: allocated once per thread
  sort_positions(members, order);
  bool compact = level == kCompact;
  out += '{';
  bool first = true;
  for (size_t i = 0; i < order.size(); ++i) {
    const auto& [key, value] = members[order[i]];
    if (i + 1 < order.size() && members[order[i + 1]].key.name == key.name) continue;
    if (!first) out += ',';
    first = false;
    if (!compact) append_newline(out, level + 1);
    if (key.quoted.empty()) {
      append_json_string(out, key.name);
      out += compact ? ":" : ": ";
    } else {
      out.append(key.quoted.data(), key.quoted.size() - (compact ? 1 : 0));  // without the space
    }
    out += value;
  }
  if (!compact && !first) append_newline(out, level);
  out += '}';
}

std::string json_string(std::string_view text) {
  std::string out;
  append_json_string(out, text);
  return out;
}

/// Appends the tags as a JSON object (boto3_tag_list_to_ansible_dict) and, with `tag_vars`,
/// collects the `ec2_tag_*` members.
void append_tags_dict(std::string& out, const std::vector<std::pair<std::string_view, std::string_view>>& tags,
                      std::vector<std::pair<std::string, std::string>>* tag_vars, int level) {
  std::vector<std::string> values;
  values.reserve(tags.size());
  std::vector<Entry> members;
  members.reserve(tags.size());
  for (const auto& [key, value] : tags) {
    members.push_back({{key, {}}, values.emplace_back(json_string(value))});
    if (tag_vars != nullptr) tag_vars->emplace_back("ec2_tag_" + std::string(key), values.back());
  }
  append_object(out, members, level);
}

/// The nesting level of the objects inside one at `level`.
int inner_level(int level) { return level == kCompact ? kCompact : level + 1; }

/// The members the variables add to the instance's own, by snake_case name: the reservation's ids
/// and the tags as a dict.
enum class Extra : uint8_t { OwnerId, RequesterId, ReservationId, Tags, None };
constexpr std::string_view kExtraNames[] = {"owner_id", "requester_id", "reservation_id", "tags"};
constexpr std::string_view kExtraKeys[] = {"\"owner_id\": ", "\"requester_id\": ", "\"reservation_id\": ", "\"tags\": "};

/// Writes the instance's variables with sorted snake_case keys, laid out for the root object at
/// nesting level `level` (or compact). It asks for MemberOrder::SnakeCase, so objects are written
/// as their members come, the variables' own members (kExtraNames) merged in at their places:
/// straight into the caller's text (`reset` with `direct`). Without `direct` the root object is
/// left open in a buffer of the writer's: `root()` gives its members so that the caller can add
/// and rename members and sort and close it. The Tags list is not written but collected
/// (`tags()`): the variables hold it as a dict. One writer per thread is reused (`reset`), so its
/// buffers are allocated once, not per instance.
class SortedWriter final : public ModelVisitor {
 public:
  /// Starts an instance of `record`; `direct` is the text to write the finished variables to.
  void reset(int level, const InstanceRecord& record, std::string* direct) {
    level_ = level;
    buf_.clear();
    text_ = direct != nullptr ? direct : &buf_;
    direct_ = direct != nullptr;
    ids_ = {record.owner_id, record.requester_id, record.reservation_id};
    next_extra_ = Extra::OwnerId;
    depth_ = 0;
    tags_.clear();
    tag_depth_ = 0;
    zone_.reset();
    region_written_ = false;
    instance_id_ = "?";
  }

  MemberOrder member_order() const override { return MemberOrder::SnakeCase; }

  void begin_object() override {
    if (tag_depth_ > 0) {
      ++tag_depth_;
      tags_.emplace_back();
      return;
    }
    open(true);
  }
  bool member(const char* name) override {
    const Name& info = name_of(name);
    if (tag_depth_ > 0) {
      tag_value_ = info.role == Role::Value;
      return true;
    }
    Frame& frame = top();
    frame.last_role = info.role;
    if (depth_ == 1 && direct_) write_extras_before(info.snake);
    if (depth_ == 1 && info.role == Role::Tags) {
      tag_depth_ = 1;
      return true;
    }
    if (depth_ == 1 && !direct_) {
      frame.members.push_back({info.key(), buf_.size(), 0});
      return true;
    }
    if (in_placement() && info.snake > "region") write_region();
    write_key(info.quoted);
    return true;
  }
  void end_object() override {
    if (tag_depth_ > 0) {
      --tag_depth_;
      return;
    }
    if (depth_ == 1 && !direct_) return;  // the caller finishes a buffered root
    if (depth_ == 1) write_extras_before({});
    if (in_placement()) write_region();
    close_container('}');
  }
  void begin_array() override {
    if (tag_depth_ > 0) {
      ++tag_depth_;
      return;
    }
    open(false);
  }
  void end_array() override {
    if (tag_depth_ > 0) {
      if (--tag_depth_ > 1) return;
      tag_depth_ = 0;  // the end of the Tags list
      if (direct_) write_extra(Extra::Tags);
      return;
    }
    close_container(']');
  }
  void string(std::string_view text) override {
    if (tag_depth_ > 0) {
      (tag_value_ ? tags_.back().second : tags_.back().first) = text;
      return;
    }
    if (depth_ == 1 && top().last_role == Role::InstanceId) instance_id_ = text;
    if (in_placement() && top().last_role == Role::AvailabilityZone) zone_ = text;
    before_value();
    append_json_string(*text_, text);
    after_value();
  }
  void integer(int64_t number) override {
    before_value();
    char digits[24];
    auto [end, ec] = std::to_chars(digits, digits + sizeof digits, number);
    text_->append(digits, end);
    after_value();
  }
  void boolean(bool flag) override {
    before_value();
    *text_ += flag ? "true" : "false";
    after_value();
  }
  void timestamp(Timestamp time) override {
    TimestampText text;
    string(format_timestamp(time, text));
  }

  /// Replaces `out` with the buffered root object's members (snake keys); valid until the writer
  /// changes.
  void root(std::vector<Entry>& out) const {
    out.clear();
    for (const Member& m : frames_.front().members) out.push_back({m.key, std::string_view(buf_).substr(m.begin, m.end - m.begin)});
  }
  /// The instance's tags as (Key, Value), in order; valid while the visited instance is.
  const std::vector<std::pair<std::string_view, std::string_view>>& tags() const { return tags_; }
  /// Its Placement.AvailabilityZone, when it has one.
  const std::optional<std::string_view>& zone() const { return zone_; }
  /// Its InstanceId ("?" when it has none).
  std::string_view instance_id() const { return instance_id_; }

 private:
  struct Frame {
    bool object = false;
    size_t items = 0;
    std::vector<Member> members;   ///< A buffered root's members; other objects are written directly.
    Role last_role = Role::Other;  ///< Of the member whose value is being written.
  };

  /// The nesting level of frames_[index] (kCompact when compact).
  int level_of(size_t index) const { return level_ == kCompact ? kCompact : level_ + static_cast<int>(index); }
  /// Inside the root's Placement object, which gains a `region` member (the zone without its letter).
  bool in_placement() const { return depth_ == 2 && frames_[0].last_role == Role::Placement; }
  /// Writes the next member's separator and key in the innermost object.
  void write_key(std::string_view quoted) {
    if (top().items++ > 0) *text_ += ',';
    if (level_ == kCompact) {
      text_->append(quoted.data(), quoted.size() - 1);  // without the space
      return;
    }
    append_newline(*text_, level_of(depth_ - 1) + 1);
    *text_ += quoted;
  }
  void write_region() {
    if (region_written_ || !zone_) return;
    region_written_ = true;
    write_key("\"region\": ");
    std::u32string zone = unicode::decode(*zone_);
    append_json_string(*text_, unicode::encode(zone.substr(0, zone.empty() ? 0 : zone.size() - 1)));
  }
  /// Writes the extra members that sort before `snake` (all of them when it is empty).
  void write_extras_before(std::string_view snake) {
    while (next_extra_ != Extra::None && (snake.empty() || kExtraNames[static_cast<int>(next_extra_)] < snake)) {
      write_extra(next_extra_);
    }
  }
  /// Writes extra member `extra` of a direct root; the tags once the Tags list is collected.
  void write_extra(Extra extra) {
    write_key(kExtraKeys[static_cast<int>(extra)]);
    if (extra == Extra::Tags) {
      append_tags_dict(*text_, tags_, nullptr, inner_level(level_));
    } else {
      append_json_string(*text_, ids_[static_cast<int>(extra)]);
    }
    next_extra_ = static_cast<Extra>(static_cast<int>(extra) + 1);
  }
  void before_value() {
    if (depth_ == 0 || top().object) return;
    if (top().items++ > 0) *text_ += ',';
    if (level_ != kCompact) append_newline(*text_, level_of(depth_));
  }
  void after_value() {
    if (depth_ == 1 && !direct_ && top().object) top().members.back().end = buf_.size();
  }
  void open(bool object) {
    before_value();
    if (depth_ == frames_.size()) frames_.emplace_back();
    Frame& frame = frames_[depth_++];
    frame.object = object;
    frame.items = 0;
    frame.members.clear();
    frame.last_role = Role::Other;
    if (depth_ > 1 || direct_) *text_ += object ? '{' : '[';
  }
  void close_container(char bracket) {
    if (level_ != kCompact && top().items > 0) append_newline(*text_, level_of(depth_ - 1));
    *text_ += bracket;
    --depth_;
    after_value();
  }
  Frame& top() { return frames_[depth_ - 1]; }

  int level_ = kCompact;
  std::string buf_;  ///< The text of a buffered root's members.
  std::string* text_ = &buf_;
  bool direct_ = false;
  std::array<std::string_view, 3> ids_;  ///< OwnerId, RequesterId, ReservationId.
  Extra next_extra_ = Extra::OwnerId;    ///< The first extra member not written yet.
  std::vector<Frame> frames_;  ///< frames_[0, depth_) are open; the rest are kept for reuse.
  size_t depth_ = 0;
  std::vector<std::pair<std::string_view, std::string_view>> tags_;
  int tag_depth_ = 0;  ///< 1 + nesting inside the Tags member's value; 0 outside it.
  bool tag_value_ = false;
  std::optional<std::string_view> zone_;
  bool region_written_ = false;
  std::string_view instance_id_ = "?";
};

}  // namespace

Result<std::string> hostvars_text(const InstanceRecord& record, const HostvarOptions& options, int level) {
  std::string text;
  if (Status appended = append_hostvars_text(text, record, options, level); !appended) return appended.error();
  return text;
}

Status append_hostvars_text(std::string& out, const InstanceRecord& record, const HostvarOptions& options,
                            int level) {
  thread_local SortedWriter writer;
  // Renamed keys and ec2_tag_* members sort among the others only once they are all known.
  bool direct = options.prefix.empty() && options.suffix.empty() && !options.contrib_tag_keys;
  size_t start = out.size();
  writer.reset(level, record, direct ? &out : nullptr);
  Status visited;
  if (record.xml) {
    visited = visit_xml(record.xml, writer);
  } else {
    visit(*record.typed, writer);
  }
  if (visited && !writer.zone()) visited = no_availability_zone(writer.instance_id());
  if (!visited || direct) {
    if (!visited) out.resize(start);
    return visited;
  }
  std::vector<std::pair<std::string, std::string>> tag_vars;
  std::string tags;
  append_tags_dict(tags, writer.tags(), options.contrib_tag_keys ? &tag_vars : nullptr, inner_level(level));
  const std::string extras[] = {json_string(record.owner_id), json_string(record.requester_id),
                                json_string(record.reservation_id), tags};
  thread_local std::vector<Entry> members;  // reused: allocated once per thread
  writer.root(members);
  for (size_t e = 0; e < std::size(extras); ++e) members.push_back({{kExtraNames[e], {}}, extras[e]});
  for (const auto& [key, value] : tag_vars) members.push_back({{key, {}}, value});
  std::vector<std::string> renamed;
  if (!options.prefix.empty() || !options.suffix.empty()) {
    renamed.reserve(members.size());
    for (Entry& member : members) {
      member.key = {renamed.emplace_back(options.prefix + std::string(member.key.name) + options.suffix), {}};
    }
  }
  append_object(out, members, level);
  return {};
}

}  // namespace ec2::inventory::aws_ec2
