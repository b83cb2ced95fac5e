namespace Spinel.Resp.Acl;

/// <summary>What a key pattern grants (redis 7.0 <c>ACL_READ_PERMISSION</c> / <c>ACL_WRITE_PERMISSION</c>).</summary>
[Flags]
internal enum AclKeyPermissions
{
    None = 0,

    /// <summary><c>%R~</c>: keys the command reads (key specs with <c>access</c>).</summary>
    Read = 1,

    /// <summary><c>%W~</c>: keys the command writes (key specs with <c>insert</c>, <c>update</c> or <c>delete</c>).</summary>
    Write = 2,

    /// <summary><c>~</c> or <c>%RW~</c>.</summary>
    ReadWrite = Read | Write,
}
