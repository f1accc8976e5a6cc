// SPDX-License-Identifier: MIT
#include "app/cli/commands.h"

#include <ostream>

namespace gs::cli {

int runEvents(const std::vector<std::string>& args, std::ostream& out, std::ostream& err); // cmd_events.cpp
Command infoCommand();  // cmd_info.cpp
Command topCommand();   // cmd_top.cpp
Command peekCommand();  // cmd_top.cpp
Command listCommand();  // cmd_list.cpp
Command flameCommand(); // cmd_flame.cpp
Command graphCommand(); // cmd_graph.cpp
Command goroutinesCommand(); // cmd_goroutines.cpp
Command chainCommand();      // cmd_chain.cpp
Command diffCommand();       // cmd_diff.cpp
Command tasksCommand();      // cmd_annotations.cpp
Command regionsCommand();    // cmd_annotations.cpp
Command logsCommand();       // cmd_annotations.cpp
Command mmuCommand();        // cmd_mmu.cpp
Command findingsCommand();   // cmd_findings.cpp
#ifdef GOROSCOPE_HAVE_CAPTURE
Command captureCommand(); // cmd_capture.cpp
Command watchCommand();   // cmd_watch.cpp
#endif

const std::vector<Command>& commands()
{
    static const std::vector<Command> kCommands = {
        infoCommand(),
        topCommand(),
        peekCommand(),
        listCommand(),
        flameCommand(),
        graphCommand(),
        goroutinesCommand(),
        chainCommand(),
        diffCommand(),
        tasksCommand(),
        regionsCommand(),
        logsCommand(),
        mmuCommand(),
        findingsCommand(),
        {"events", "events FILE [--count]", "trace events with their stacks, as go tool trace -d=parsed prints them (--count: only count)", runEvents},
#ifdef GOROSCOPE_HAVE_CAPTURE
        captureCommand(),
        watchCommand(),
#endif
    };
    return kCommands;
}

namespace {
void printHelp(std::ostream& out)
{
    out << "usage: goroscope-cli COMMAND [ARGS]\n       goroscope-cli --version\n\ncommands:\n";
    for (const Command& c : commands())
        out << "  " << c.usage << "\n      " << c.summary << "\n";
}
} // namespace

int runCli(const std::vector<std::string>& argv, std::ostream& out, std::ostream& err)
{
    if (argv.empty() || argv[0] == "--help" || argv[0] == "-h" || argv[0] == "help") {
        printHelp(argv.empty() ? err : out);
        return argv.empty() ? 2 : 0;
    }
    if (argv[0] == "--version") {
        out << "goroscope-cli " << GOROSCOPE_VERSION << "\n";
        return 0;
    }
    for (const Command& c : commands()) {
        if (argv[0] == c.name)
            return c.run(std::vector<std::string>(argv.begin() + 1, argv.end()), out, err);
    }
    err << "goroscope-cli: unknown command '" << argv[0] << "' (try --help)\n";
    return 2;
}

} // namespace gs::cli
