namespace Spinel.NodeAgent.Processes;

internal enum RespReplyKind
{
    SimpleString,
    Error,
    Integer,
    BulkString,
    Null,
    Array,
}
