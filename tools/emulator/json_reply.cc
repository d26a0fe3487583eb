#include "json_reply.h"

namespace ec2::emu {

HttpReply json_reply(int status, const nlohmann::json& body) {
  HttpReply reply;
  reply.status = status;
  reply.content_type = "application/json";
  reply.body = body.dump(2) + "\n";
  return reply;
}

HttpReply control_error(int status, const std::string& message) { return json_reply(status, {{"error", message}}); }

}  // namespace ec2::emu
