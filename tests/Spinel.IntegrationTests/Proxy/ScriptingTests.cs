using System.Security.Cryptography;
using System.Text;
using Spinel.IntegrationTests.Infrastructure;

namespace Spinel.IntegrationTests.Proxy;

/// <summary>SCRIPT LOAD/EXISTS/FLUSH and FUNCTION LOAD reach every shard, so EVALSHA and FCALL work for any key.</summary>
[Collection(NodeCollection.Name)]
[Trait("Category", "Integration")]
public sealed class ScriptingTests(SharedNode shared)
{
    private SpinelTestNode Node => shared.Node;

    // Redis names scripts by their SHA1; this is an identifier, not security.
#pragma warning disable CA5350
    private static string Sha1(string script) => Convert.ToHexStringLower(SHA1.HashData(Encoding.UTF8.GetBytes(script)));
#pragma warning restore CA5350

    [Fact]
    public async Task ScriptLoad_ThenEvalsha_WorksForKeysOnEveryShard()
    {
        await using var client = await Node.ConnectRawAsync();
        const string Script = "redis.call('SET', KEYS[1], ARGV[1]) return redis.call('GET', KEYS[1]) .. ':script-load-test'";

        Assert.Equal(Sha1(Script), await client.CommandAsync("SCRIPT", "LOAD", Script));

        for (var shard = 0; shard < Node.Shards.Count; shard++)
        {
            var key = Node.KeyOnShard("script:evalsha", shard);
            Assert.Equal($"v{shard}:script-load-test", await client.CommandAsync("EVALSHA", Sha1(Script), "1", key, $"v{shard}"));
            await using var direct = await Node.ConnectShardAsync(shard);
            Assert.Equal($"v{shard}", await direct.CommandAsync("GET", key));
        }
    }

    [Fact]
    public async Task ScriptExists_LoadedAndUnknownScripts_RepliesPerScript()
    {
        await using var client = await Node.ConnectRawAsync();
        const string Script = "return 'script-exists-test'";
        await client.CommandAsync("SCRIPT", "LOAD", Script);

        Assert.Equal("[:1, :0]", await client.CommandAsync("SCRIPT", "EXISTS", Sha1(Script), Sha1("return 'never loaded'")));
        for (var shard = 0; shard < Node.Shards.Count; shard++)
        {
            await using var direct = await Node.ConnectShardAsync(shard);
            Assert.Equal("[:1]", await direct.CommandAsync("SCRIPT", "EXISTS", Sha1(Script)));
        }
    }

    [Fact]
    public async Task ScriptFlush_LoadedScript_GoneFromEveryShard()
    {
        await using var client = await Node.ConnectRawAsync();
        const string Script = "return 'script-flush-test'";
        await client.CommandAsync("SCRIPT", "LOAD", Script);

        Assert.Equal("+OK", await client.CommandAsync("SCRIPT", "FLUSH"));

        Assert.Equal("[:0]", await client.CommandAsync("SCRIPT", "EXISTS", Sha1(Script)));
        for (var shard = 0; shard < Node.Shards.Count; shard++)
        {
            await using var direct = await Node.ConnectShardAsync(shard);
            Assert.Equal("[:0]", await direct.CommandAsync("SCRIPT", "EXISTS", Sha1(Script)));
            Assert.StartsWith("-NOSCRIPT", await client.CommandAsync("EVALSHA", Sha1(Script), "1", Node.KeyOnShard("script:flush", shard)));
        }
    }

    [Fact]
    public async Task Eval_OneKeyOnEachShard_RunsOnTheOwningShard()
    {
        await using var client = await Node.ConnectRawAsync();
        for (var shard = 0; shard < Node.Shards.Count; shard++)
        {
            var key = Node.KeyOnShard("script:eval", shard);
            Assert.Equal("+OK", await client.CommandAsync("EVAL", "return redis.call('SET', KEYS[1], ARGV[1])", "1", key, "by-eval"));
            await using var direct = await Node.ConnectShardAsync(shard);
            Assert.Equal("by-eval", await direct.CommandAsync("GET", key));
        }
    }

    [Fact]
    public async Task FunctionLoad_ThenFcall_WorksForKeysOnEveryShard()
    {
        await using var client = await Node.ConnectRawAsync();
        const string Library = "#!lua name=spinel_it_fcall\n" +
            "redis.register_function('spinel_it_append', function(keys, args) " +
            "redis.call('APPEND', keys[1], args[1]) return redis.call('GET', keys[1]) end)";
        await client.CommandAsync("FUNCTION", "DELETE", "spinel_it_fcall");
        try
        {
            Assert.Equal("spinel_it_fcall", await client.CommandAsync("FUNCTION", "LOAD", Library));

            for (var shard = 0; shard < Node.Shards.Count; shard++)
            {
                var key = Node.KeyOnShard("script:fcall", shard);
                await client.CommandAsync("SET", key, "f");
                Assert.Equal($"f{shard}", await client.CommandAsync("FCALL", "spinel_it_append", "1", key, shard.ToString()));
                await using var direct = await Node.ConnectShardAsync(shard);
                Assert.Equal($"f{shard}", await direct.CommandAsync("GET", key));
            }
            Assert.Equal("-CROSSSLOT Keys in request don't hash to the same slot", await client.CommandAsync(
                "FCALL", "spinel_it_append", "2", Node.KeyOnShard("script:fcall:a", 0), Node.KeyOnShard("script:fcall:b", 1), "x"));
        }
        finally
        {
            await client.CommandAsync("FUNCTION", "DELETE", "spinel_it_fcall");
        }
    }

    [Fact]
    public async Task FunctionDelete_LoadedLibrary_GoneFromEveryShard()
    {
        await using var client = await Node.ConnectRawAsync();
        const string Library = "#!lua name=spinel_it_delete\nredis.register_function('spinel_it_noop', function() return 1 end)";
        await client.CommandAsync("FUNCTION", "DELETE", "spinel_it_delete");
        await client.CommandAsync("FUNCTION", "LOAD", Library);

        Assert.Equal("+OK", await client.CommandAsync("FUNCTION", "DELETE", "spinel_it_delete"));

        for (var shard = 0; shard < Node.Shards.Count; shard++)
        {
            await using var direct = await Node.ConnectShardAsync(shard);
            Assert.Equal("[]", await direct.CommandAsync("FUNCTION", "LIST", "LIBRARYNAME", "spinel_it_delete"));
        }
    }
}
