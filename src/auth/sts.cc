#include "auth/sts.h"

#include "auth/credential_process.h"
#include "ec2/query.h"
#include "ec2/sigv4.h"
#include "query/request.h"
#include "query/response.h"

namespace ec2::auth {
namespace {

/// Sends one STS action, signed with `caller` unless it is null, and parses the reply.
Result<XmlDocument> call(const StsEndpoint& endpoint, std::string_view action, const QueryParams& params,
                         const Credentials* caller) {
  HttpRequest request = query::form_post(endpoint.url, params.encode(action, kStsApiVersion));
  if (caller != nullptr) {
    SigningParams signing;
    signing.credentials = *caller;
    signing.region = endpoint.region;
    signing.service = "sts";
    signing.time = endpoint.clock->now();
    EC2_TRY(sign_request(request, signing));
  }
  auto once = [&]() -> Result<XmlDocument> {
    auto response = endpoint.transport->send(request);
    if (!response) return response.error();
    return query::interpret_response(std::move(*response));
  };
  if (!endpoint.retry) return once();
  return with_retry(*endpoint.retry, *endpoint.clock, once);
}

std::string text(pugi::xml_node node, const char* child) { return node.child(child).text().get(); }

Error malformed(std::string_view action, std::string what, const pugi::xml_document& doc) {
  Error e = make_error(ErrorCategory::Parse, "MalformedResponse",
                       std::string(action) + " response has no " + std::move(what));
  e.request_id = query::request_id_of(doc, {});
  return e;
}

/// The `<Credentials>` and `<AssumedRoleUser>` of an AssumeRole* reply.
Result<AssumedRole> parse_assumed_role(const pugi::xml_document& doc, std::string_view action) {
  pugi::xml_node result = doc.document_element().child((std::string(action) + "Result").c_str());
  pugi::xml_node creds = result.child("Credentials");
  AssumedRole out;
  out.credentials.access_key_id = text(creds, "AccessKeyId");
  out.credentials.secret_access_key = text(creds, "SecretAccessKey");
  out.credentials.session_token = text(creds, "SessionToken");
  out.expiration = text(creds, "Expiration");
  if (out.credentials.access_key_id.empty() || out.credentials.secret_access_key.empty()) {
    return malformed(action, "Credentials", doc);
  }
  out.credentials.expiration = parse_iso8601(out.expiration);
  if (!out.credentials.expiration) return malformed(action, "valid Expiration", doc);
  pugi::xml_node user = result.child("AssumedRoleUser");
  out.assumed_role_id = text(user, "AssumedRoleId");
  out.arn = text(user, "Arn");
  out.request_id = text(doc.document_element().child("ResponseMetadata"), "RequestId");
  return out;
}

}  // namespace

Result<AssumedRole> sts_assume_role(const StsEndpoint& endpoint, const Credentials& caller,
                                    const AssumeRoleRequest& r) {
  QueryParams params;
  params.set("RoleArn", r.role_arn).set("RoleSessionName", r.role_session_name);
  if (r.duration_seconds) params.set_int("DurationSeconds", *r.duration_seconds);
  if (r.external_id) params.set("ExternalId", *r.external_id);
  if (r.serial_number) params.set("SerialNumber", *r.serial_number);
  if (r.token_code) params.set("TokenCode", *r.token_code);
  auto doc = call(endpoint, "AssumeRole", params, &caller);
  if (!doc) return doc.error();
  return parse_assumed_role(**doc, "AssumeRole");
}

Result<AssumedRole> sts_assume_role_with_web_identity(const StsEndpoint& endpoint,
                                                      const WebIdentityRequest& r) {
  QueryParams params;
  params.set("RoleArn", r.role_arn)
      .set("RoleSessionName", r.role_session_name)
      .set("WebIdentityToken", r.web_identity_token);
  if (r.duration_seconds) params.set_int("DurationSeconds", *r.duration_seconds);
  auto doc = call(endpoint, "AssumeRoleWithWebIdentity", params, nullptr);
  if (!doc) return doc.error();
  return parse_assumed_role(**doc, "AssumeRoleWithWebIdentity");
}

Result<StsCallerIdentity> sts_get_caller_identity(const StsEndpoint& endpoint, const Credentials& caller) {
  auto doc = call(endpoint, "GetCallerIdentity", QueryParams{}, &caller);
  if (!doc) return doc.error();
  pugi::xml_node result = (*doc)->document_element().child("GetCallerIdentityResult");
  StsCallerIdentity out{text(result, "Account"), text(result, "Arn"), text(result, "UserId")};
  if (out.arn.empty()) return malformed("GetCallerIdentity", "Arn", **doc);
  return out;
}

}  // namespace ec2::auth
