namespace Spinel.Proxy.Sessions;

/// <summary>The three subscription spaces of redis: channels, patterns and shard channels.</summary>
internal enum PubSubKind
{
    Channel,
    Pattern,
    ShardChannel,
}
