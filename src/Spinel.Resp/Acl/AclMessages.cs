namespace Spinel.Resp.Acl;

/// <summary>Redis 7.0.15's ACL texts (acl.c, server.c), without the leading '-' of an error reply.</summary>
internal static class AclMessages
{
    public const string UnknownCommand = "Unknown command or category name in ACL";
    public const string SyntaxError = "Syntax error";
    public const string KeyAfterAllKeys =
        "Adding a pattern after the * pattern (or the 'allkeys' flag) is not valid and does not have any effect. "
        + "Try 'resetkeys' to start with an empty list of patterns";
    public const string ChannelAfterAllChannels =
        "Adding a pattern after the * pattern (or the 'allchannels' flag) is not valid and does not have any effect. "
        + "Try 'resetchannels' to start with an empty list of channels";
    public const string FirstArgOfSubcommand = "Allowing first-arg of a subcommand is not supported";

    // Ours: Redis Enterprise ACL strings carry permissions only; users, passwords and selectors live elsewhere.
    public const string NotAPermission =
        "Only permission rules are allowed in an ACL rule string (no user flags, passwords or selectors)";

    // Ours: redis 7.0 accepts a key pattern that grants nothing (%~p) and then panics describing the user.
    public const string NoKeyPermission = "Syntax error (the key pattern grants neither read nor write)";

    public const string DeniedKey = "NOPERM this user has no permissions to access one of the keys used as arguments";
    public const string DeniedChannel = "NOPERM this user has no permissions to access one of the channels used as arguments";

    public static string Modifier(string op, string reason) => $"Error in ACL SETUSER modifier '{op}': {reason}";

    public static string DeniedCommand(string name) => $"NOPERM this user has no permissions to run the '{name}' command";
}
