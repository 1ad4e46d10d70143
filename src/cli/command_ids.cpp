#include <iostream>

#include "cli/arg_parser.hpp"
#include "cli/commands.hpp"
#include "cli/managed_identities.hpp"
#include "cli/session.hpp"
#include "io/ids_export.hpp"

namespace ato::cli {

int command_ids(const GlobalOptions& global, const Args& args) {
  std::string format = "json";
  ArgParser parser(
      "ato-sync ids [--format json|csv]",
      "Lists the external id, Allure ID and permalink of every managed case, sorted by external\n"
      "id, so that automated tests can carry the case's Allure ID in an AS_ID label. The JSON\n"
      "form is what `ato-sync coverage --ids FILE` reads.");
  parser.option("--format", &format, "json|csv", "output format (default json)");
  parser.examples("  ato-sync ids > ids.json\n  ato-sync ids --format csv\n");
  if (parser.parse_or_print_help(args, std::cout)) return 0;
  if (format != "json" && format != "csv")
    throw UsageError("--format takes json or csv, not '" + format + "'");

  const core::Config config = load_config_or_exit(global, true);
  const auto port = connect_testops(config, global);
  const auto identities = managed_identities(*port, config);
  std::cout << (format == "json" ? io::ids_to_json(identities) : io::ids_to_csv(identities));
  return 0;
}

}  // namespace ato::cli
