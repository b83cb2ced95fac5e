using Spinel.Resp.Commands;

namespace Spinel.Proxy.Metrics;

/// <summary>How Redis Enterprise's <c>endpoint_*</c> metrics split requests: by the command table's flags.</summary>
public enum RequestKind : byte
{
    None = 0,
    Read = 1,
    Write = 2,
    Other = 3,
}

internal static class RequestKinds
{
    /// <summary>Write when the command may write, read when it is read-only, other for the rest (admin, connection, pub/sub).</summary>
    public static RequestKind Of(CommandFlags flags) =>
        (flags & CommandFlags.Write) != 0 ? RequestKind.Write
        : (flags & CommandFlags.ReadOnly) != 0 ? RequestKind.Read
        : RequestKind.Other;
}
