// STS response and error documents.
#include "sts.h"
#include "xml_writer.h"

namespace ec2::emu {
namespace {

/// The role name and session of `arn:aws:sts::A:assumed-role/ROLE/SESSION`.
std::string assumed_role_id(const Identity& identity) { return identity.user_id; }

}  // namespace

std::string sts_credentials_document(const std::string& action, const Session& session, const StsExtras& extras,
                                     const std::string& request_id) {
  std::string root = action + "Response";
  std::string result = action + "Result";
  XmlWriter xml;
  xml.open_root(root, kStsNamespace).open(result);
  if (!extras.subject.empty()) xml.leaf("SubjectFromWebIdentityToken", extras.subject);
  if (!extras.audience.empty()) xml.leaf("Audience", extras.audience);
  if (extras.assumed_role_user) {
    xml.open("AssumedRoleUser")
        .leaf("AssumedRoleId", assumed_role_id(session.identity))
        .leaf("Arn", session.identity.arn)
        .close();
  }
  xml.open("Credentials")
      .leaf("AccessKeyId", session.access_key_id)
      .leaf("SecretAccessKey", session.secret_access_key)
      .leaf("SessionToken", session.session_token)
      .leaf("Expiration", expiration_text(session.expiration))
      .close();
  if (!extras.provider.empty()) xml.leaf("Provider", extras.provider);
  if (extras.assumed_role_user && extras.subject.empty()) xml.leaf("PackedPolicySize", 0);
  xml.close().open("ResponseMetadata").leaf("RequestId", request_id).close();
  return xml.finish();
}

std::string sts_caller_identity_document(const Identity& identity, const std::string& request_id) {
  XmlWriter xml;
  xml.open_root("GetCallerIdentityResponse", kStsNamespace)
      .open("GetCallerIdentityResult")
      .leaf("Arn", identity.arn)
      .leaf("UserId", identity.user_id)
      .leaf("Account", identity.account_id)
      .close()
      .open("ResponseMetadata")
      .leaf("RequestId", request_id)
      .close();
  return xml.finish();
}

HttpReply sts_error_reply(const Error& error, const std::string& request_id) {
  int status = error.http_status ? error.http_status : 400;
  XmlWriter xml;
  xml.open_root("ErrorResponse", kStsNamespace)
      .open("Error")
      .leaf("Type", status >= 500 ? "Receiver" : "Sender")
      .leaf("Code", error.code)
      .leaf("Message", error.message)
      .close()
      .leaf("RequestId", request_id);
  HttpReply reply;
  reply.status = status;
  reply.body = xml.finish();
  return reply;
}

}  // namespace ec2::emu
