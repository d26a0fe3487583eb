#pragma once
/// One walk of a model value feeding two visitors (ec2/model/visit.h): the inventory writes a
/// host's variables and collects the members its host names need in a single pass.

#include "ec2/model/visit.h"

namespace ec2::inventory::aws_ec2 {

/// Feeds one walk to two visitors: every event to `main`, which accepts every member, and to
/// `side` the outermost object and the members of it that `side` accepts, with their values. The
/// walk gives members in the order `main` asks for.
class Tee final : public ModelVisitor {
 public:
  Tee(ModelVisitor& main, ModelVisitor& side) : main_(main), side_(side) {}

  MemberOrder member_order() const override { return main_.member_order(); }

  void begin_object() override {
    main_.begin_object();
    if (depth_++ == 0 || side_on_) side_.begin_object();
  }
  bool member(const char* name) override {
    bool wanted = main_.member(name);
    if (depth_ == 1) {
      side_on_ = side_.member(name);
    } else if (side_on_) {
      side_.member(name);
    }
    return wanted;
  }
  void end_object() override {
    main_.end_object();
    if (--depth_ == 0 || side_on_) side_.end_object();
    if (depth_ == 1) side_on_ = false;
  }
  void begin_array() override {
    main_.begin_array();
    ++depth_;
    if (side_on_) side_.begin_array();
  }
  void end_array() override {
    main_.end_array();
    if (side_on_) side_.end_array();
    if (--depth_ == 1) side_on_ = false;
  }
  void string(std::string_view text) override {
    main_.string(text);
    if (side_on_) side_.string(text);
  }
  void integer(int64_t number) override {
    main_.integer(number);
    if (side_on_) side_.integer(number);
  }
  void boolean(bool flag) override {
    main_.boolean(flag);
    if (side_on_) side_.boolean(flag);
  }
  void timestamp(Timestamp time) override {
    main_.timestamp(time);
    if (side_on_) side_.timestamp(time);
  }

 private:
  ModelVisitor& main_;
  ModelVisitor& side_;
  int depth_ = 0;         ///< Objects and arrays open.
  bool side_on_ = false;  ///< `side` takes the events of the current outermost member.
};

}  // namespace ec2::inventory::aws_ec2
