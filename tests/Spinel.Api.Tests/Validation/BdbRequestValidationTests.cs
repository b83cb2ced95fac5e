using System.Net;
using System.Text;
using Spinel.Api.Tests.Infrastructure;

namespace Spinel.Api.Tests.Validation;

/// <summary>Every class of bad input to <c>POST /v1/bdbs</c> and <c>PUT /v1/bdbs/{uid}</c> gets its status and error code, and no operation runs.</summary>
public sealed class BdbRequestValidationTests
{
    [Theory]
    [InlineData("{\"name\":")]
    [InlineData("")]
    [InlineData("{\"name\":\"a\",}")]
    [InlineData("{\"name\":\"a\",\"name\":\"b\",\"memory_size\":1}")]
    [InlineData("[{\"name\":\"a\"}]")]
    [InlineData("\"text\"")]
    [InlineData("null")]
    [InlineData("{\"name\":\"a\"} trailing")]
    public async Task Create_MalformedOrNotAnObject_Is400(string body)
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();

        await host.Client().PostJsonAsync("/v1/bdbs", body).ExpectErrorAsync(HttpStatusCode.BadRequest, "invalid_json");

        Assert.Empty(host.Databases.Calls);
    }

    [Fact]
    public async Task Create_InvalidUtf8_Is400()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        byte[] body = [.. "{\"name\":\""u8, 0xC3, 0x28, .. "\",\"memory_size\":1}"u8];
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new("application/json");

        await host.Client().PostAsync("/v1/bdbs", content).ExpectErrorAsync(HttpStatusCode.BadRequest, "invalid_json");

        Assert.Empty(host.Databases.Calls);
    }

    [Theory]
    [InlineData("{\"name\":\"\\ud800\",\"memory_size\":1}")]
    [InlineData("{\"\\udc00\":\"a\",\"memory_size\":1}")]
    [InlineData("{\"name\":\"a\",\"memory_size\":1,\"authentication_redis_pass\":\"\\ud800x\"}")]
    public async Task Create_LoneSurrogateEscape_IsRefusedWithoutA500(string body)
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();

        using var response = await host.Client().PostJsonAsync("/v1/bdbs", body);

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.NotAcceptable, $"got {(int)response.StatusCode}");
        Assert.Empty(host.Databases.Calls);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=latin1")]
    public async Task Create_NotJsonContentType_Is400(string contentType)
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();

        await host.Client().SendJsonAsync(HttpMethod.Post, "/v1/bdbs", """{"name":"a","memory_size":1}""", contentType)
            .ExpectErrorAsync(HttpStatusCode.BadRequest, "unsupported_content_type");

        Assert.Empty(host.Databases.Calls);
    }

    [Fact]
    public async Task Create_NoContentType_Is400()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        using var content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"name":"a","memory_size":1}"""));

        await host.Client().PostAsync("/v1/bdbs", content).ExpectErrorAsync(HttpStatusCode.BadRequest, "unsupported_content_type");
    }

    [Fact]
    public async Task Create_JsonWithUtf8Charset_IsAccepted()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();

        await host.Client().SendJsonAsync(HttpMethod.Post, "/v1/bdbs", """{"name":"a","memory_size":1}""", "application/json; charset=utf-8")
            .ExpectAsync(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Create_HugeBody_Is413()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        var body = $$"""{"name":"a","memory_size":1,"authentication_redis_pass":"{{new string('x', 2 * 1024 * 1024)}}"}""";

        await host.Client().PostJsonAsync("/v1/bdbs", body).ExpectErrorAsync(HttpStatusCode.RequestEntityTooLarge, "request_too_large");

        Assert.Empty(host.Databases.Calls);
    }

    [Fact]
    public async Task Create_HugeBodyWithoutContentLength_Is413()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync(o => o.MaxRequestBodyBytes = 4096);
        var body = Encoding.UTF8.GetBytes($$"""{"name":"a","memory_size":1,"authentication_redis_pass":"{{new string('x', 10_000)}}"}""");
        using var content = new StreamContent(new NoLengthStream(body));
        content.Headers.ContentType = new("application/json");

        await host.Client().PostAsync("/v1/bdbs", content).ExpectErrorAsync(HttpStatusCode.RequestEntityTooLarge, "request_too_large");
    }

    [Theory]
    [InlineData("""{"memory_size":1}""", "missing_db_name", "name")]
    [InlineData("""{"name":"a"}""", "missing_memory_size", "memory_size")]
    [InlineData("""{"name":"a","memory_size":1,"colour":"red"}""", "invalid_schema", "colour")]
    [InlineData("""{"name":"a","memory_size":"1g"}""", "invalid_schema", "memory_size")]
    [InlineData("""{"name":"a","memory_size":1,"replication":"yes"}""", "invalid_schema", "replication")]
    [InlineData("""{"name":"a","memory_size":1,"slave_ha":"enabled"}""", "invalid_schema", "slave_ha")]
    [InlineData("""{"name":"a","memory_size":1,"shards_count":"2"}""", "invalid_schema", "shards_count")]
    [InlineData("""{"name":1,"memory_size":1}""", "invalid_schema", "name")]
    [InlineData("""{"name":"a","memory_size":1,"shard_key_regex":".*"}""", "invalid_schema", "shard_key_regex")]
    [InlineData("""{"name":"a","memory_size":1,"shard_key_regex":[{"regex":"(?<tag>.*)","x":1}]}""", "invalid_schema", "shard_key_regex[0].x")]
    [InlineData("""{"name":"a","memory_size":1,"status":"active"}""", "invalid_schema", "status")]
    [InlineData("""{"name":"a","memory_size":1,"shard_list":[1]}""", "invalid_schema", "shard_list")]
    [InlineData("""{"name":"a","memory_size":1,"endpoints":[]}""", "invalid_schema", "endpoints")]
    [InlineData("""{"name":"a","memory_size":1,"action_uid":"x"}""", "invalid_schema", "action_uid")]
    [InlineData("""{"name":"a","memory_size":-1}""", "invalid_parameter", "memory_size")]
    [InlineData("""{"name":"a","memory_size":1.5}""", "invalid_parameter", "memory_size")]
    [InlineData("""{"name":"a","memory_size":1e40}""", "invalid_parameter", "memory_size")]
    [InlineData("""{"name":"a","memory_size":99999999999999999999999}""", "invalid_parameter", "memory_size")]
    [InlineData("""{"name":"a","memory_size":1,"max_connections":4294967296}""", "invalid_parameter", "max_connections")]
    [InlineData("""{"name":"a","memory_size":1,"uid":0}""", "invalid_parameter", "uid")]
    [InlineData("""{"name":"a","memory_size":1,"eviction_policy":"sometimes"}""", "invalid_parameter", "eviction_policy")]
    [InlineData("""{"name":"a","memory_size":1,"eviction_policy":"VolatileLru"}""", "invalid_parameter", "eviction_policy")]
    [InlineData("""{"name":"a","memory_size":1,"proxy_policy":"ALL-NODES"}""", "invalid_parameter", "proxy_policy")]
    [InlineData("""{"name":"a","memory_size":1,"data_persistence":"rdb"}""", "invalid_parameter", "data_persistence")]
    [InlineData("""{"name":"a","memory_size":1,"aof_policy":"never"}""", "invalid_parameter", "aof_policy")]
    [InlineData("""{"name":"a","memory_size":1,"shards_placement":"1"}""", "invalid_parameter", "shards_placement")]
    [InlineData("""{"name":"a","memory_size":1,"type":"mongo"}""", "invalid_parameter", "type")]
    [InlineData("""{"name":"a","memory_size":1,"version":"latest"}""", "invalid_version", "version")]
    [InlineData("""{"name":"a","memory_size":1,"shards_count":2}""", "invalid_sharding", "sharding")]
    [InlineData("""{"name":"a","memory_size":1,"sharding":true,"shard_key_regex":[{"regex":"(unclosed"}]}""", "invalid_sharding", "shard_key_regex[0].regex")]
    [InlineData("""{"name":"a","memory_size":1,"sharding":true,"shard_key_regex":[{"regex":".*"}]}""", "invalid_sharding", "tag")]
    [InlineData("""{"name":"a","memory_size":1,"sharding":true,"shard_key_regex":[{"regex":"(?<tag>.*)"},{"regex":"a)(?<tag>b"}]}""", "invalid_sharding", "shard_key_regex[1].regex")]
    [InlineData("""{"name":"a","memory_size":1,"shards_count":3,"sharding":false}""", "invalid_sharding", "sharding must be enabled")]
    public async Task Create_InvalidField_Is406NamingIt(string body, string errorCode, string named)
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();

        var description = await host.Client().PostJsonAsync("/v1/bdbs", body).ExpectErrorAsync(HttpStatusCode.NotAcceptable, errorCode);

        Assert.Contains(named, description, StringComparison.Ordinal);
        Assert.Empty(host.Databases.Calls);
    }

    [Theory]
    [InlineData("-db")]
    [InlineData("db-")]
    [InlineData("my_db")]
    [InlineData("my db")]
    [InlineData("")]
    [InlineData("db\n")]
    [InlineData("dé")]
    [InlineData("a234567890123456789012345678901234567890123456789012345678901234")]
    public async Task Create_BadName_Is406(string name)
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        var body = $$"""{"name":{{System.Text.Json.JsonSerializer.Serialize(name)}},"memory_size":1}""";

        var description = await host.Client().PostJsonAsync("/v1/bdbs", body).ExpectErrorAsync(HttpStatusCode.NotAcceptable, "invalid_parameter");

        Assert.Contains("name", description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("A1-b2")]
    [InlineData("a23456789012345678901234567890123456789012345678901234567890123")]
    public async Task Create_GoodName_IsAccepted(string name)
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();

        await host.Client().PostJsonAsync("/v1/bdbs", $$"""{"name":"{{name}}","memory_size":1}""").ExpectAsync(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData(9999)]
    [InlineData(20000)]
    [InlineData(10050)]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(65536)]
    public async Task Create_PortOutsideTheEndpointRange_Is406(int port)
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();

        var description = await host.Client().PostJsonAsync("/v1/bdbs", $$"""{"name":"a","memory_size":1,"port":{{port}}}""")
            .ExpectErrorAsync(HttpStatusCode.NotAcceptable, "invalid_parameter");

        Assert.Contains("port", description, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(10000)]
    [InlineData(10049)]
    [InlineData(10051)]
    [InlineData(19999)]
    public async Task Create_PortInRange_IsAccepted(int port)
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();

        await host.Client().PostJsonAsync("/v1/bdbs", $$"""{"name":"a","memory_size":1,"port":{{port}}}""").ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(port, Assert.Single(host.Databases.Calls).Bdb!.Port);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(513)]
    [InlineData(-4)]
    public async Task Create_ShardsCountOutOfRange_Is406(int shards)
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();

        var description = await host.Client().PostJsonAsync("/v1/bdbs", $$"""{"name":"a","memory_size":1,"sharding":true,"shards_count":{{shards}}}""")
            .ExpectErrorAsync(HttpStatusCode.NotAcceptable, "invalid_parameter");

        Assert.Contains("shards_count", description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Create_512Shards_IsAccepted()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();

        await host.Client().PostJsonAsync("/v1/bdbs", """{"name":"a","memory_size":1,"sharding":true,"shards_count":512}""").ExpectAsync(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("""{"uid":1}""", "uid")]
    [InlineData("""{"version":"7.4"}""", "version")]
    [InlineData("""{"status":"active"}""", "status")]
    [InlineData("""{"created_time":"2020-01-01T00:00:00Z"}""", "created_time")]
    [InlineData("""{"shards_count":4,"sharding":false}""", "sharding")]
    [InlineData("""{"port":10050}""", "port")]
    [InlineData("""{"name":"bad_name"}""", "name")]
    [InlineData("""{"surprise":true}""", "surprise")]
    public async Task Update_InvalidField_Is406NamingIt(string body, string named)
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        host.AddDatabase();

        var response = await host.Client().PutJsonAsync("/v1/bdbs/1", body).ExpectAsync(HttpStatusCode.NotAcceptable);

        Assert.Contains(named, (string?)response["description"], StringComparison.Ordinal);
        Assert.Empty(host.Databases.Calls);
    }

    [Fact]
    public async Task Update_MalformedJson_Is400()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        host.AddDatabase();

        await host.Client().PutJsonAsync("/v1/bdbs/1", "{").ExpectErrorAsync(HttpStatusCode.BadRequest, "invalid_json");
    }

    /// <summary>A stream without a length, so the client sends the body chunked.</summary>
    private sealed class NoLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
