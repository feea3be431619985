import Foundation

/// Where the store file is: `--store PATH`, else `$REHEARSE_STORE`, else
/// `$XDG_DATA_HOME/rehearse/results.sqlite` (falling back to `~/.local/share/rehearse/results.sqlite`).
public enum StoreLocation {
    /// The store path for an explicit `--store` value (or nil) and an environment.
    public static func resolve(_ explicit: String?, environment: [String: String] = ProcessInfo.processInfo.environment)
        -> String
    {
        if let explicit, !explicit.isEmpty { return explicit }
        if let fromEnvironment = environment["REHEARSE_STORE"], !fromEnvironment.isEmpty { return fromEnvironment }
        let dataHome: String
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            dataHome = xdg
        } else {
            let home = environment["HOME"] ?? NSHomeDirectory()
            dataHome = home + "/.local/share"
        }
        return dataHome + "/rehearse/results.sqlite"
    }
}
