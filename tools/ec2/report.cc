#include "report.h"

#include <fmt/format.h>

#include "ec2/model/timestamp.h"
#include "image_choice.h"

namespace ec2::cli {
namespace {

/// Quotes `word` for a POSIX shell when it holds anything but safe characters.
std::string shell_quote(const std::string& word) {
  bool safe = !word.empty();
  for (char c : word) {
    if (!(std::isalnum(static_cast<unsigned char>(c)) || std::string_view("@%+=:,./_-").find(c) != std::string_view::npos))
      safe = false;
  }
  if (safe) return word;
  std::string out = "'";
  for (char c : word) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return out + "'";
}

nlohmann::json or_null(const std::string& value) {
  return value.empty() ? nlohmann::json(nullptr) : nlohmann::json(value);
}

}  // namespace

InstanceReport make_report(const Instance& instance, const std::optional<Image>& image,
                           const std::string& region, const std::string& key_file) {
  InstanceReport r;
  r.instance_id = instance.instance_id.value_or("");
  r.state = instance.state ? instance.state->name.value_or("") : "";
  r.instance_type = instance.instance_type.value_or("");
  r.image_id = instance.image_id.value_or("");
  r.image_name = image ? image->name.value_or("") : "";
  r.region = region;
  r.availability_zone = instance.placement ? instance.placement->availability_zone.value_or("") : "";
  r.public_ip = instance.public_ip_address.value_or("");
  r.public_dns = instance.public_dns_name.value_or("");
  r.private_ip = instance.private_ip_address.value_or("");
  r.key_name = instance.key_name.value_or("");
  r.key_file = key_file;
  r.ssh_user = ssh_user_for(r.image_name);
  if (instance.launch_time) r.launch_time = format_timestamp(*instance.launch_time);
  return r;
}

std::vector<std::string> ssh_argv(const InstanceReport& report, const std::string& program,
                                  const std::vector<std::string>& remote) {
  std::string host = !report.public_dns.empty() ? report.public_dns : report.public_ip;
  if (host.empty()) return {};
  std::vector<std::string> argv{program, "-i", report.key_file, "-o", "IdentitiesOnly=yes",
                                "-o", "StrictHostKeyChecking=accept-new",
                                fmt::format("{}@{}", report.ssh_user, host)};
  argv.insert(argv.end(), remote.begin(), remote.end());
  return argv;
}

std::string ssh_command_line(const InstanceReport& report) {
  std::string line;
  for (const auto& word : ssh_argv(report)) line += (line.empty() ? "" : " ") + shell_quote(word);
  return line;
}

std::string describe_text(const InstanceReport& r) {
  auto none = [](const std::string& v, std::string_view what) {
    return v.empty() ? fmt::format("none ({})", what) : v;
  };
  std::string why = r.state == "running" ? "not assigned" : fmt::format("instance is {}", r.state);
  std::string out;
  out += fmt::format("Instance ID:   {}\n", r.instance_id);
  out += fmt::format("State:         {}\n", r.state);
  out += fmt::format("Type:          {}\n", r.instance_type);
  out += fmt::format("AMI:           {}{}\n", r.image_id,
                     r.image_name.empty() ? "" : fmt::format(" ({})", r.image_name));
  out += fmt::format("Region/AZ:     {} / {}\n", r.region, r.availability_zone);
  out += fmt::format("Launched:      {}\n", r.launch_time.empty() ? "unknown" : r.launch_time);
  out += fmt::format("Public IP:     {}\n", none(r.public_ip, why));
  out += fmt::format("Public DNS:    {}\n", none(r.public_dns, why));
  out += fmt::format("Private IP:    {}\n", r.private_ip.empty() ? "none" : r.private_ip);
  out += fmt::format("Key:           {} ({})\n", r.key_name, r.key_file);
  std::string ssh = ssh_command_line(r);
  out += fmt::format("SSH:           {}\n", ssh.empty() ? "unavailable until the instance runs (ec2)" : ssh);
  return out;
}

nlohmann::json describe_json(const InstanceReport& r) {
  std::string ssh = ssh_command_line(r);
  return {{"instance_id", r.instance_id},     {"state", r.state},
          {"instance_type", r.instance_type}, {"image_id", r.image_id},
          {"image_name", or_null(r.image_name)}, {"region", r.region},
          {"availability_zone", or_null(r.availability_zone)},
          {"launch_time", or_null(r.launch_time)},
          {"public_ip", or_null(r.public_ip)}, {"public_dns", or_null(r.public_dns)},
          {"private_ip", or_null(r.private_ip)}, {"key_name", r.key_name},
          {"key_file", r.key_file},           {"ssh_user", r.ssh_user},
          {"ssh_command", or_null(ssh)}};
}

}  // namespace ec2::cli
