using Microsoft.Extensions.Logging;

namespace Spinel.Api.Endpoints;

/// <summary>The audit line of a change to a role or Redis ACL.</summary>
internal static partial class RbacLog
{
    public static void Changed(ILoggerFactory loggers, string kind, string change, int uid, string name) =>
        ObjectChanged(loggers.CreateLogger(typeof(RbacLog).FullName!), kind, uid, name, change);

    [LoggerMessage(EventId = EventIds.RbacObjectChanged, Level = LogLevel.Information, Message = "{Kind} {Uid} ({Name}) {Change}")]
    private static partial void ObjectChanged(ILogger logger, string kind, int uid, string name, string change);
}
