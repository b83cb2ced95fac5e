using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Spinel.Api.Tests.Infrastructure;

/// <summary>Sends requests and reads JSON answers, asserting the status code.</summary>
public static class ApiRequests
{
    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, string json) =>
        client.SendJsonAsync(HttpMethod.Post, path, json);

    public static Task<HttpResponseMessage> PutJsonAsync(this HttpClient client, string path, string json) =>
        client.SendJsonAsync(HttpMethod.Put, path, json);

    public static Task<HttpResponseMessage> SendJsonAsync(this HttpClient client, HttpMethod method, string path, string json, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(method, path) { Content = new StringContent(json, Encoding.UTF8) };
        request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        return client.SendAsync(request);
    }

    /// <summary>Asserts the status and parses the body as JSON.</summary>
    public static async Task<JsonNode> ExpectAsync(this Task<HttpResponseMessage> sending, HttpStatusCode status)
    {
        using var response = await sending;
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(status == response.StatusCode, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.ToString() ?? "", StringComparison.Ordinal);
        return JsonNode.Parse(text) ?? throw new JsonException("null body");
    }

    /// <summary>Asserts the status and a Redis Enterprise error body with this code; returns the description.</summary>
    public static async Task<string> ExpectErrorAsync(this Task<HttpResponseMessage> sending, HttpStatusCode status, string errorCode)
    {
        var body = await sending.ExpectAsync(status);
        Assert.Equal(errorCode, (string?)body["error_code"]);
        var description = (string?)body["description"];
        Assert.False(string.IsNullOrWhiteSpace(description));
        return description!;
    }

    public static Task<JsonNode> GetOkAsync(this HttpClient client, string path) => client.GetAsync(path).ExpectAsync(HttpStatusCode.OK);

    public static IReadOnlyList<string> Keys(this JsonNode node) => [.. node.AsObject().Select(p => p.Key)];
}
