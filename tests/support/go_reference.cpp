// SPDX-License-Identifier: MIT
#include "tests/support/go_reference.h"

#include <algorithm>
#include <arpa/inet.h>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <netinet/in.h>
#include <poll.h>
#include <regex>
#include <signal.h>
#include <sstream>
#include <string_view>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

namespace gs::test {

namespace fs = std::filesystem;

std::string unescapeHtml(const std::string& s)
{
    static const std::pair<std::string_view, char> kEntities[] = {{"&#34;", '"'}, {"&#39;", '\''}, {"&lt;", '<'},
                                                                  {"&gt;", '>'},  {"&amp;", '&'},   {"&#43;", '+'}};
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        const auto entity = std::find_if(std::begin(kEntities), std::end(kEntities),
                                         [&](const auto& e) { return s.compare(i, e.first.size(), e.first) == 0; });
        if (entity == std::end(kEntities)) {
            out += s[i];
            continue;
        }
        out += entity->second;
        i += entity->first.size() - 1;
    }
    return out;
}

std::string urlDecode(const std::string& s)
{
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size()) {
            out += char(std::stoi(s.substr(i + 1, 2), nullptr, 16));
            i += 2;
        } else {
            out += s[i] == '+' ? ' ' : s[i];
        }
    }
    return out;
}

std::string goCommand()
{
    if (const char* env = std::getenv("GOROSCOPE_GO"); env && *env)
        return env;
    const char* path = std::getenv("PATH");
    std::stringstream dirs(path ? path : "");
    std::string dir;
    while (std::getline(dirs, dir, ':')) {
        const fs::path candidate = fs::path(dir.empty() ? "." : dir) / "go";
        if (::access(candidate.c_str(), X_OK) == 0 && !fs::is_directory(candidate))
            return candidate.string();
    }
    return {};
}

std::string pprofCommand()
{
    static const std::string command = [] {
        const std::string go = shellQuote(goCommand());
        // Running it once makes sure the toolchain has built it.
        runCommand(go + " tool pprof -h");
        std::string path = runCommand(go + " tool -n pprof");
        path.erase(path.find_last_not_of("\n") + 1);
        if (!path.empty() && ::access(path.c_str(), X_OK) == 0)
            return shellQuote(path);
        return go + " tool pprof";
    }();
    return command;
}

std::string goUnavailableReason()
{
    static const std::string reason = [] {
        const std::string go = goCommand();
        if (go.empty())
            return std::string("no Go toolchain ($GOROSCOPE_GO or `go` on PATH)");
        // "go1.26.8"; a development build says "devel ...", taken as new enough.
        std::string version = runCommand(shellQuote(go) + " env GOVERSION");
        version.erase(version.find_last_not_of("\n") + 1);
        std::smatch m;
        static const std::regex release(R"(^go1\.(\d+))");
        if (std::regex_search(version, m, release) && std::stoi(m[1].str()) < 26)
            return go + " is " + version + ", older than the Go 1.26 the tests compare with";
        if (version.empty())
            return go + " env GOVERSION printed nothing";
        return std::string();
    }();
    return reason;
}

bool goReferenceRequired()
{
    const char* ci = std::getenv("CI");
    return ci && std::string(ci) == "true";
}

std::string shellQuote(const std::string& s)
{
    std::string q = "'";
    for (char c : s)
        q += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return q + "'";
}

std::string runCommand(const std::string& command, std::string* stderrText)
{
    const fs::path errFile = fs::temp_directory_path() / ("goroscope_stderr_" + std::to_string(::getpid()));
    const std::string full = command + " 2>" + (stderrText ? shellQuote(errFile.string()) : std::string("/dev/null"));
    std::string out;
    if (FILE* pipe = ::popen(full.c_str(), "r")) {
        std::array<char, 65536> buf {};
        size_t n;
        while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0)
            out.append(buf.data(), n);
        ::pclose(pipe);
    }
    if (stderrText) {
        std::ifstream err(errFile);
        std::stringstream ss;
        ss << err.rdbuf();
        *stderrText = ss.str();
        fs::remove(errFile);
    }
    return out;
}

std::vector<std::string> fixtureFiles(const std::string& folder, const std::vector<std::string>& suffixes)
{
    std::vector<std::string> out;
    const fs::path dir = fs::path(GOROSCOPE_TEST_DATA_DIR) / folder;
    if (!fs::is_directory(dir))
        return out;
    for (const auto& entry : fs::directory_iterator(dir)) {
        const std::string name = entry.path().filename().string();
        if (std::any_of(suffixes.begin(), suffixes.end(), [&](const std::string& s) { return name.ends_with(s); }))
            out.push_back(entry.path().string());
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<std::string> referenceTraces()
{
    const char* files = std::getenv("GOROSCOPE_REFERENCE_TRACES");
    if (!files || !*files)
        return fixtureFiles("trace", {".trace", ".trace.gz"});
    std::vector<std::string> out;
    std::stringstream list(files);
    for (std::string file; std::getline(list, file, ':');) {
        if (!file.empty())
            out.push_back(file);
    }
    return out;
}

std::string testNameOf(const std::string& path)
{
    std::string name = fs::path(path).filename().string();
    for (char& c : name) {
        if (!std::isalnum(static_cast<unsigned char>(c)))
            c = '_';
    }
    return name;
}

GoReadableTrace::GoReadableTrace(const std::string& fixture)
    : m_path(fixture)
{
    if (!fixture.ends_with(".gz"))
        return;
    m_path = (fs::temp_directory_path() / ("goroscope_" + std::to_string(getpid()) + "_" + testNameOf(fixture))).string();
    m_temporary = true;
    runCommand("gzip -dc " + shellQuote(fixture) + " > " + shellQuote(m_path));
}

GoReadableTrace::~GoReadableTrace()
{
    if (m_temporary)
        fs::remove(m_path);
}

GoTraceServer::GoTraceServer(const std::string& traceFile)
{
    const std::string go = goCommand();
    int pipeFds[2];
    if (go.empty() || ::pipe(pipeFds) != 0)
        return;
    m_pid = ::fork();
    if (m_pid == 0) {
        ::dup2(pipeFds[1], STDERR_FILENO);
        ::dup2(pipeFds[1], STDOUT_FILENO);
        ::close(pipeFds[0]);
        ::setenv("TZ", "UTC", 1);
        // No browser: the tool would otherwise try to open one.
        ::setenv("BROWSER", "true", 1);
        ::execlp(go.c_str(), go.c_str(), "tool", "trace", "-http=127.0.0.1:0", traceFile.c_str(), nullptr);
        ::_exit(127);
    }
    ::close(pipeFds[1]);
    // The tool prints "... listening on http://127.0.0.1:PORT" once the trace is parsed.
    const std::regex listening(R"(127\.0\.0\.1:(\d+))");
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    while (m_port == 0 && std::chrono::steady_clock::now() < deadline) {
        pollfd p {pipeFds[0], POLLIN, 0};
        if (::poll(&p, 1, 1000) <= 0)
            continue;
        char buf[4096];
        const ssize_t n = ::read(pipeFds[0], buf, sizeof buf);
        if (n <= 0)
            break;
        m_log.append(buf, size_t(n));
        std::smatch m;
        if (std::regex_search(m_log, m, listening))
            m_port = std::stoi(m[1].str());
    }
    ::close(pipeFds[0]);
}

GoTraceServer::~GoTraceServer()
{
    if (m_pid > 0) {
        ::kill(m_pid, SIGTERM);
        ::waitpid(m_pid, nullptr, 0);
    }
}

std::string GoTraceServer::get(const std::string& pathAndQuery) const
{
    if (m_port == 0)
        return {};
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in addr {};
    addr.sin_family = AF_INET;
    addr.sin_port = htons(uint16_t(m_port));
    addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    std::string response;
    if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0) {
        const std::string request = "GET " + pathAndQuery + " HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n";
        if (::write(fd, request.data(), request.size()) == ssize_t(request.size())) {
            char buf[65536];
            ssize_t n;
            while ((n = ::read(fd, buf, sizeof buf)) > 0)
                response.append(buf, size_t(n));
        }
    }
    ::close(fd);
    const size_t body = response.find("\r\n\r\n");
    return body == std::string::npos ? std::string() : response.substr(body + 4);
}

} // namespace gs::test
