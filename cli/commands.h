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

// What run_query does with the graph it loaded once it has answered.
// kFree destroys it, for callers that go on (the benchmark). kLeaveToExit
// leaves it to the operating system, for main(), which exits right after:
// a large graph is millions of allocations, seconds to free one by one and
// nothing for the OS to reclaim at exit.
enum class GraphTeardown { kFree, kLeaveToExit };
int run_query(const std::vector<std::string>& args, GraphTeardown teardown = GraphTeardown::kFree);

}  // namespace crimekg::cli

#endif  // CRIMEKG_CLI_COMMANDS_H_
