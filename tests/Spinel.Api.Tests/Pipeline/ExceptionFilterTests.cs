using System.Net;
using Spinel.Api.Tests.Infrastructure;

namespace Spinel.Api.Tests.Pipeline;

public sealed class ExceptionFilterTests
{
    [Fact]
    public async Task HandlerThrows_Is500WithErrorBodyAndNoStackTrace()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        host.Databases.Throws = new InvalidOperationException("secret internals");

        using var response = await host.Client().PostJsonAsync("/v1/bdbs", """{"name":"a","memory_size":1}""");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Contains("\"error_code\":\"internal_error\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("secret internals", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", text, StringComparison.Ordinal);
    }
}
