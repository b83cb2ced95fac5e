using System.Net;
using System.Text;
using Spinel.Api.Tests.Infrastructure;

namespace Spinel.Api.Tests.Pipeline;

/// <summary>Request bodies meant to hurt: each gets a clear 4xx and changes nothing, and the API answers normally after.</summary>
public sealed class HostileBodyTests
{
    public static TheoryData<string, byte[], HttpStatusCode> Bodies() => new()
    {
        { "invalid UTF-8", [.. "{\"name\":\""u8, 0xC3, 0x28, 0xFF, .. "\",\"memory_size\":1}"u8], HttpStatusCode.BadRequest },
        { "deep nesting", Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", 5000)) + "1" + new string('}', 5000)), HttpStatusCode.BadRequest },
        { "over the size limit", Encoding.ASCII.GetBytes("{\"name\":\"" + new string('x', 2 * 1024 * 1024) + "\"}"), HttpStatusCode.RequestEntityTooLarge },
        { "a huge number", Encoding.ASCII.GetBytes("{\"name\":\"n\",\"memory_size\":" + new string('9', 5000) + "}"), HttpStatusCode.NotAcceptable },
        { "not an object", Encoding.ASCII.GetBytes("[1,2,3]"), HttpStatusCode.BadRequest },
        { "trailing garbage", Encoding.ASCII.GetBytes("{\"name\":\"n\",\"memory_size\":1} trailing"), HttpStatusCode.BadRequest },
        { "duplicate field", Encoding.ASCII.GetBytes("{\"name\":\"a\",\"name\":\"b\",\"memory_size\":1}"), HttpStatusCode.BadRequest },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task HostileBody_IsRefusedWithAClearError_AndNothingIsCreated(string what, byte[] body, HttpStatusCode expected)
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");

        using var response = await host.Client().PostAsync("/v1/bdbs", content);

        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{what}: {(int)response.StatusCode} {text}");
        Assert.Contains("error_code", text, StringComparison.Ordinal);
        Assert.Empty(host.Databases.Calls);
        await host.Client().GetOkAsync("/v1/cluster");
    }
}
