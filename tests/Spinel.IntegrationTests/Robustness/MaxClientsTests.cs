using Spinel.IntegrationTests.Infrastructure;

namespace Spinel.IntegrationTests.Robustness;

[Collection(RobustnessCollection.Name)]
[Trait("Category", "Integration")]
public sealed class MaxClientsTests(MaxClientsTests.FiveClientNode fixture) : IClassFixture<MaxClientsTests.FiveClientNode>
{
    private SpinelTestNode Node => fixture.Node;

    [Fact]
    public async Task Connect_BeyondMaxConnections_IsRefusedUntilAClientLeaves()
    {
        var clients = new List<RawRespClient>();
        try
        {
            for (var i = 0; i < FiveClientNode.MaxConnections; i++)
            {
                var client = await Node.ConnectRawAsync();
                clients.Add(client);
                Assert.Equal("+PONG", await client.CommandAsync("PING"));
            }

            await using (var sixth = await Node.ConnectRawAsync())
            {
                Assert.Equal("-ERR max number of clients reached", await sixth.ReadAsync());
                Assert.True(await sixth.IsClosedByServerAsync(TimeSpan.FromSeconds(10)), "a refused client stayed connected");
            }
            Assert.All(await Task.WhenAll(clients.Select(c => c.CommandAsync("PING"))), reply => Assert.Equal("+PONG", reply));

            await clients[0].DisposeAsync();
            clients.RemoveAt(0);

            RawRespClient? accepted = null;
            await Poll.UntilAsync(async () =>
            {
                var candidate = await Node.ConnectRawAsync();
                try
                {
                    if (await candidate.CommandAsync("PING") == "+PONG")
                    {
                        accepted = candidate;
                        return true;
                    }
                }
                catch (EndOfStreamException)
                {
                }
                await candidate.DisposeAsync();
                return false;
            }, "a new client is accepted after one left");
            clients.Add(accepted!);
            Assert.Equal("+OK", await accepted!.CommandAsync("SET", "maxclients-key", "v"));
        }
        finally
        {
            foreach (var client in clients)
            {
                await client.DisposeAsync();
            }
        }
    }

    public sealed class FiveClientNode : ConfiguredNode
    {
        public const int MaxConnections = 5;

        protected override Task<SpinelTestNode> StartNodeAsync() => SpinelTestNode.StartAsync(shards: 3, maxConnections: MaxConnections);
    }
}
