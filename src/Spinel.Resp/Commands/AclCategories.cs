namespace Spinel.Resp.Commands;

/// <summary>Redis 7.0 ACL categories; declared in the order redis lists them, which is the order replies use.</summary>
[Flags]
public enum AclCategories : uint
{
    None = 0,
    Keyspace = 1u << 0,
    Read = 1u << 1,
    Write = 1u << 2,
    Set = 1u << 3,
    SortedSet = 1u << 4,
    List = 1u << 5,
    Hash = 1u << 6,
    String = 1u << 7,
    Bitmap = 1u << 8,
    HyperLogLog = 1u << 9,
    Geo = 1u << 10,
    Stream = 1u << 11,
    PubSub = 1u << 12,
    Admin = 1u << 13,
    Fast = 1u << 14,
    Slow = 1u << 15,
    Blocking = 1u << 16,
    Dangerous = 1u << 17,
    Connection = 1u << 18,
    Transaction = 1u << 19,
    Scripting = 1u << 20,
}
