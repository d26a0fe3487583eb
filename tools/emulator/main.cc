// ec2-emulator: serves the EC2 Query API locally. See docs/emulator.md.
#include <csignal>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <mutex>
#include <pthread.h>
#include <thread>

#include <CLI/CLI.hpp>

#include "dispatcher.h"
#include "registry.h"
#include "server.h"
#include "world.h"

namespace {

struct Options {
  std::string host = "127.0.0.1";
  int port = 4566;
  std::string port_file;
  std::string default_region = "us-east-1";
  uint64_t seed = 1;
  bool verbose = false;
};

/// Blocks SIGINT/SIGTERM in every thread (call before starting any) and returns the set.
sigset_t block_stop_signals() {
  sigset_t set;
  sigemptyset(&set);
  sigaddset(&set, SIGINT);
  sigaddset(&set, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &set, nullptr);
  return set;
}

int serve(const Options& options) {
  sigset_t signals = block_stop_signals();
  ec2::emu::World world(options.seed);
  ec2::emu::Dispatcher dispatcher(world, ec2::emu::ActionRegistry::builtin(), options.default_region);
  std::mutex log_mutex;
  if (options.verbose) {
    dispatcher.set_logger([&](const std::string& line) {
      std::lock_guard lock(log_mutex);
      std::cerr << line << '\n';
    });
  }
  ec2::emu::HttpServer server(dispatcher);
  auto port = server.bind(options.host, options.port);
  if (!port) {
    std::cerr << "ec2-emulator: " << port.error().message << '\n';
    return 1;
  }
  std::cout << "listening on http://" << options.host << ':' << *port << std::endl;
  if (!options.port_file.empty()) std::ofstream(options.port_file) << *port << '\n';
  std::thread waiter([&] {
    int signal = 0;
    sigwait(&signals, &signal);
    server.stop();
  });
  server.run();
  pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"ec2-emulator: a local EC2 endpoint for tests, demos and benchmarks"};
  Options options;
  app.add_option("--host", options.host, "Address to listen on")->capture_default_str();
  app.add_option("--port", options.port, "Port to listen on; 0 picks a free one")->capture_default_str();
  app.add_option("--port-file", options.port_file, "Write the bound port to this file");
  app.add_option("--default-region", options.default_region,
                 "Region of requests that name none (no signature, no ec2.<region>. Host)")
      ->capture_default_str();
  app.add_option("--seed", options.seed, "Seed of every generated id and fault decision")->capture_default_str();
  app.add_flag("-v,--verbose", options.verbose, "Log one line per request to stderr");
  CLI11_PARSE(app, argc, argv);
  return serve(options);
}
