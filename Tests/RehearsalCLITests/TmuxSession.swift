import Foundation
import Testing

/// The built `rehearse` running in a pseudo-terminal: a detached tmux session 100 columns by 30 rows on
/// a tmux server of its own, driven with `send-keys` and read with `capture-pane`. After `rehearse` exits
/// the pane prints `[exit N]`, `[terminal restored]` when the terminal settings are back as they were,
/// and `[done]`.
final class TmuxSession {
    /// tmux, when installed (CI installs it; the tests that need it are skipped otherwise).
    static let executable: String? = ["/usr/bin/tmux", "/usr/local/bin/tmux", "/opt/homebrew/bin/tmux"].first {
        FileManager.default.isExecutableFile(atPath: $0)
    }

    static var available: Bool { executable != nil }

    private let socket = "rehearse-test-\(UUID().uuidString)"
    private let settings: URL

    /// Starts `rehearse arguments...` in `directory` with REHEARSE_STORE=`store`; `environment` adds to or
    /// (with nil) removes from the environment. NO_COLOR is unset unless given.
    init(
        _ arguments: [String], in directory: URL, store: String, environment: [String: String?] = [:]
    ) throws {
        settings = directory.appendingPathComponent("stty-\(UUID().uuidString)")
        var variables: [String: String?] = ["REHEARSE_STORE": store, "NO_COLOR": nil]
        variables.merge(environment) { $1 }
        let assignments = variables.sorted { $0.key < $1.key }.map { key, value in
            value.map { "\(key)=\(Self.quote($0))" } ?? "-u \(key)"
        }
        let run = (["env"] + assignments + [Self.quote(RehearseProcess.binary.path)] + arguments.map(Self.quote))
            .joined(separator: " ")
        let saved = Self.quote(settings.path)
        let command =
            "stty -g > \(saved); \(run); echo \"[exit $?]\"; "
            + "stty -g | cmp -s - \(saved) && echo '[terminal restored]'; echo '[done]'; sleep 600"
        // The server this starts keeps the standard output it was given: not a pipe, or reading it never ends.
        try tmux(["new-session", "-d", "-x", "100", "-y", "30", "-c", directory.path, command])
    }

    /// Ends the session (and with it the server; `kill-server` alone did not always end it).
    deinit {
        _ = try? tmux(["kill-session", "-t", "0"])
        _ = try? tmux(["kill-server"])
    }

    /// Types text as it is.
    func type(_ text: String) throws { try tmux(["send-keys", "-t", "0", "-l", text]) }

    /// Presses keys by tmux's names: Enter, BSpace, C-c, C-d, C-s, Left, Home...
    func press(_ keys: String...) throws { try tmux(["send-keys", "-t", "0"] + keys) }

    /// Pastes text as a terminal does, between bracketed-paste markers when the program asked for them.
    func paste(_ text: String) throws {
        try tmux(["set-buffer", "--", text])
        try tmux(["paste-buffer", "-p", "-t", "0"])
    }

    /// Copies every byte the program writes from now on, escape sequences included, to a file.
    func record(to file: String) throws { try tmux(["pipe-pane", "-t", "0", "-o", "cat >> '\(file)'"]) }

    /// Changes the window's width (the program gets SIGWINCH).
    func resize(columns: Int) throws { try tmux(["resize-window", "-t", "0", "-x", "\(columns)"]) }

    /// The process id of `rehearse` (the child of the pane's shell), for sending it signals.
    func rehearsePID() throws -> pid_t? {
        let shell = try tmux(["list-panes", "-t", "0", "-F", "#{pane_pid}"]).trimmingCharacters(
            in: .whitespacesAndNewlines)
        let children = try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)
        return children?.split(separator: " ").first.flatMap { pid_t($0) }
    }

    /// What the pane shows, scrollback included, wrapped lines joined; with `escapes`, the colours and
    /// attributes as escape sequences.
    func screen(escapes: Bool = false) throws -> String {
        try tmux(["capture-pane", "-p", "-J", "-S", "-", "-t", "0"] + (escapes ? ["-e"] : []))
    }

    /// Waits until the pane shows `text` (polling every 50 ms), and returns the screen; records an issue
    /// with the screen as it is when `timeout` passes first.
    @discardableResult
    func wait(
        for text: String, timeout: Double = 15, sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var shown = try screen()
        while !shown.contains(text) {
            guard Date() < deadline else {
                Issue.record(
                    "no \"\(text)\" within \(timeout) s; the screen:\n\(shown)", sourceLocation: sourceLocation)
                throw Timeout()
            }
            Thread.sleep(forTimeInterval: 0.05)
            shown = try screen()
        }
        return shown
    }

    /// Waits for `rehearse` to exit, expects `status` and the terminal put back, and returns the screen.
    @discardableResult
    func finished(_ status: Int32, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        let screen = try wait(for: "[done]", sourceLocation: sourceLocation)
        #expect(screen.contains("[exit \(status)]\n"), "\(screen)", sourceLocation: sourceLocation)
        #expect(
            screen.contains("[terminal restored]"), "the terminal settings differ after the session",
            sourceLocation: sourceLocation)
        return screen
    }

    struct Timeout: Error {}

    /// Runs a tmux client and waits for it with waitpid(2); its output goes through a file, since a server
    /// it starts would hold a pipe open. (Foundation's Process did not always see these clients exit.)
    @discardableResult
    private func tmux(_ arguments: [String]) throws -> String {
        // Not in the test's folder: that may be gone by the time the session is ended.
        let output = FileManager.default.temporaryDirectory.appendingPathComponent("tmux-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: output) }
        let argv = ([Self.executable ?? "tmux", "-L", socket, "-f", "/dev/null"] + arguments).map { strdup($0) }
        defer { argv.forEach { free($0) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, Self.executable ?? "tmux", &actions, nil, argv + [nil], environ)
        guard spawned == 0 else { throw SpawnFailure(code: spawned) }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0, errno == EINTR {}
        return (try? String(contentsOfFile: output, encoding: .utf8)) ?? ""
    }

    struct SpawnFailure: Error { var code: Int32 }

    private static func quote(_ text: String) -> String {
        "'" + text.replacing("'", with: "'\\''") + "'"
    }
}
