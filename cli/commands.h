// The subcommands of the crimekg executable. Each takes the arguments after
// its name and returns an exit code from graph/status.h.
#ifndef CRIMEKG_CLI_COMMANDS_H_
#define CRIMEKG_CLI_COMMANDS_H_

#include <string>
#include <vector>

namespace crimekg::cli {

int run_build(const std::vector<std::string>& args);
int run_export(const std::vector<std::string>& args);
int run_render(const std::vector<std::string>& args);
int run_query(const std::vector<std::string>& args);

}  // namespace crimekg::cli

#endif  // CRIMEKG_CLI_COMMANDS_H_
