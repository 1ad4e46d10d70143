#include <httplib.h>

#include <sys/socket.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <sstream>
#include <thread>

#include "emulator/api.hpp"
#include "emulator/options.hpp"
#include "emulator/store.hpp"

int main(int argc, char** argv) {
  using namespace ato::emulator;
  Options options;
  try {
    options = parse_options(argc, argv);
  } catch (const std::invalid_argument& e) {
    std::cerr << e.what();
    return 2;
  }
  Store store;
  Store::seed(store, options.project_name);
  if (!options.state_file.empty() && std::filesystem::exists(options.state_file)) {
    std::ifstream in(options.state_file, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    try {
      store.from_json(text.str());
    } catch (const std::exception& e) {
      std::cerr << "ato-emulator: cannot read state " << options.state_file << ": " << e.what() << "\n";
      return 1;
    }
  }

  std::unique_ptr<httplib::Server> server;
  if (!options.tls_cert.empty()) server = std::make_unique<httplib::SSLServer>(options.tls_cert.c_str(), options.tls_key.c_str());
  else server = std::make_unique<httplib::Server>();
  if (!server->is_valid()) {
    std::cerr << "ato-emulator: cannot start the server (bad TLS certificate or key?)\n";
    return 1;
  }
  const int threads = options.threads;
  server->new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<std::size_t>(threads)); };
  server->set_keep_alive_max_count(100000);
  server->set_tcp_nodelay(true);  // no Nagle + delayed-ACK stalls of 40 ms per answer
  // httplib listens with a backlog of 5: a burst of parallel connects would
  // overflow it and stall for a SYN retransmit (1 s). Widen it after bind.
  int listen_fd = -1;
  server->set_socket_options([&listen_fd](int fd) {
    int yes = 1;
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    listen_fd = fd;
  });
  Api api(options, store);
  api.register_routes(*server);

  const int port = options.port == 0 ? server->bind_to_any_port("127.0.0.1") : (server->bind_to_port("127.0.0.1", options.port) ? options.port : -1);
  if (port < 0) {
    std::cerr << "ato-emulator: cannot listen on 127.0.0.1:" << options.port << "\n";
    return 1;
  }
  if (listen_fd >= 0) ::listen(listen_fd, 1024);
  static httplib::Server* running = server.get();
  std::signal(SIGTERM, [](int) { running->stop(); });
  std::signal(SIGINT, [](int) { running->stop(); });
  if (options.exit_with_stdin) {
    // Tests keep our stdin open; when they end (even by a crash) it closes and we stop.
    std::thread([] {
      char buffer[256];
      while (std::cin.read(buffer, sizeof buffer) || std::cin.gcount() > 0) {
      }
      running->stop();
    }).detach();
  }
  std::cout << "ato-emulator listening on " << (options.tls_cert.empty() ? "http" : "https") << "://127.0.0.1:" << port
            << std::endl;
  server->listen_after_bind();
  return 0;
}
