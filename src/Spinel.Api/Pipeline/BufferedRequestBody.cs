namespace Spinel.Api.Pipeline;

/// <summary>The request body, read once (within the size limit) so that a handler can parse it and the forwarder can relay it.</summary>
internal sealed record BufferedRequestBody(ReadOnlyMemory<byte> Bytes)
{
    public static BufferedRequestBody Empty { get; } = new(ReadOnlyMemory<byte>.Empty);
}
