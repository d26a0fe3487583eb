// ec2-inventory: Ansible dynamic inventory for EC2, configured by ec2.ini or aws_ec2.yml.

#include <cstdio>
#include <string>

#include <CLI/CLI.hpp>

#include "aws_ec2_mode.h"
#include "config_locate.h"
#include "convert.h"
#include "ec2/config.h"
#include "ec2_ini.h"
#include "heap.h"
#include "ini_file.h"
#include "ini_mode.h"
#include "instance_source.h"

namespace {

using namespace ec2::inventory;

constexpr const char* kVersion = "ec2-inventory 0.1.0";

struct Options {
  bool list = false;
  std::string host;
  bool refresh_cache = false;
  std::string profile;
  std::string config;
  std::string convert;
  bool debug = false;
};

int fail(const std::string& message) {
  std::fprintf(stderr, "ec2-inventory: error: %s\n", message.c_str());
  return 1;
}

/// Reads an ec2.ini (or the defaults when `path` is empty) into settings; warnings go to stderr.
ec2::Result<Ec2IniSettings> load_settings(const std::string& path, const std::string& profile,
                                          std::string& text) {
  IniFile file;
  if (!path.empty()) {
    auto loaded = load_ini(path);
    if (!loaded) return loaded.error();
    file = std::move(*loaded);
    std::FILE* in = std::fopen(path.c_str(), "rb");
    for (int c; in && (c = std::fgetc(in)) != EOF;) text += static_cast<char>(c);
    if (in) std::fclose(in);
  }
  auto settings = read_ec2_ini(file, profile, ec2::process_environment());
  if (!settings) return settings.error();
  for (const std::string& warning : settings->warnings) {
    std::fprintf(stderr, "ec2-inventory: warning: %s\n", warning.c_str());
  }
  return settings;
}

int convert(const Options& options) {
  std::string text;
  auto settings = load_settings(options.convert, options.profile, text);
  if (!settings) return fail(settings.error().message);
  std::fputs(convert_to_aws_ec2(*settings).c_str(), stdout);
  return 0;
}

/// Configuration errors already read `file:line: ...`; others need the AWS code and request id.
int fail(const ec2::Error& error) {
  return fail(error.category == ec2::ErrorCategory::Config ? error.message : to_string(error));
}

int run(const Options& options, const std::string& invoked) {
  const ec2::Environment& env = ec2::process_environment();
  auto choice = locate_config(options.config, invoked, env);
  if (!choice) return fail(choice.error().message);
  if (choice->syntax == ConfigSyntax::AwsEc2) {
    auto write = [](std::string_view piece) { std::fwrite(piece.data(), 1, piece.size(), stdout); };
    ec2::Status status = run_aws_ec2_mode(choice->path, {options.host, options.refresh_cache, options.profile},
                                          env, write);
    if (!status) return fail(status.error());
  } else {
    std::string text;
    auto settings = load_settings(choice->path, options.profile, text);
    if (!settings) return fail(settings.error().message);
    auto output = run_ini_mode(*settings, {options.host, options.refresh_cache, text}, env,
                               ec2_source_factory(env));
    if (!output) return fail(output.error());
    std::string printed = std::move(*output) + "\n";
    std::fwrite(printed.data(), 1, printed.size(), stdout);
  }
  return std::fflush(stdout) == 0 && !std::ferror(stdout) ? 0 : 1;
}

}  // namespace

int main(int argc, char** argv) {
  ec2::inventory::set_up_heap();
  CLI::App app{"Ansible dynamic inventory for Amazon EC2. Reads ec2.ini (the ec2.py script's "
               "settings) or an amazon.aws.aws_ec2 plugin file (*aws_ec2.yml) and prints the "
               "inventory as JSON."};
  Options options;
  app.add_flag("--list", options.list, "List every host with its groups and variables (default)");
  app.add_option("--host", options.host, "Print the variables of one host");
  app.add_flag("--refresh-cache", options.refresh_cache, "Ignore the cache and query EC2");
  app.add_option("--profile,--boto-profile", options.profile, "AWS profile to use");
  app.add_option("--config", options.config,
                 "Configuration file (default: EC2_INI_PATH, else <program>.ini or ec2.ini "
                 "beside the program)");
  app.add_option("--convert", options.convert, "Print the aws_ec2.yml equivalent of an ec2.ini");
  app.add_flag("--debug", options.debug,
               "Print the configuration, the credential provider and a redacted HTTP trace on stderr");
  app.set_version_flag("--version", kVersion);
  app.get_option("--host")->excludes(app.get_option("--list"));
  app.get_option("--convert")->excludes(app.get_option("--host"));
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    return app.exit(e);
  }
  if (!options.convert.empty()) return convert(options);
  if (options.debug) {
    set_debug_sink([](std::string_view line) {
      std::fprintf(stderr, "ec2-inventory: debug: %.*s\n", static_cast<int>(line.size()), line.data());
    });
  }
  return run(options, argc > 0 ? argv[0] : "");
}
