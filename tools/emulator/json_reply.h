#pragma once
/// The JSON answers of the emulator's own endpoints: the control endpoint (`/_emulator/…`) and
/// the container credentials listener.

#include <string>

#include <nlohmann/json.hpp>

#include "dispatcher.h"

namespace ec2::emu {

/// `body` indented by two, with a final newline so it reads well from a terminal.
HttpReply json_reply(int status, const nlohmann::json& body);

/// `{"error": message}`: how the control endpoint refuses a request.
HttpReply control_error(int status, const std::string& message);

}  // namespace ec2::emu
