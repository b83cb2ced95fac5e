namespace Spinel.Resp.Tests;

/// <summary>One standalone redis-server shared by the tests of a class.</summary>
public sealed class RedisServerFixture : IDisposable
{
    public RedisServerFixture() => Server = TestRedisServer.Start();

    public TestRedisServer Server { get; }

    public void Dispose() => Server.Dispose();
}
