namespace Spinel.Cli.Tests;

public sealed class MemorySizeTests
{
    [Theory]
    [InlineData("1g", 1073741824L)]
    [InlineData("1G", 1073741824L)]
    [InlineData("1gb", 1073741824L)]
    [InlineData("512m", 536870912L)]
    [InlineData("100mb", 104857600L)]
    [InlineData("100MB", 104857600L)]
    [InlineData("64k", 65536L)]
    [InlineData("1t", 1099511627776L)]
    [InlineData("1.5g", 1610612736L)]
    [InlineData("2 GB", 2147483648L)]
    [InlineData("1073741824", 1073741824L)]
    [InlineData("100b", 100L)]
    [InlineData("1", 1L)]
    public void TryParse_ValidSize_ReturnsBytes(string text, long expected)
    {
        Assert.True(MemorySize.TryParse(text, out var bytes));
        Assert.Equal(expected, bytes);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData(null)]
    [InlineData("g")]
    [InlineData("mb")]
    [InlineData("1x")]
    [InlineData("-1")]
    [InlineData("-1g")]
    [InlineData("0")]
    [InlineData("0m")]
    [InlineData("1.5")]
    [InlineData("1e9")]
    [InlineData("1,5g")]
    [InlineData("ten")]
    [InlineData("99999999999t")]
    public void TryParse_InvalidSize_ReturnsFalse(string? text)
    {
        Assert.False(MemorySize.TryParse(text, out _));
    }

    [Theory]
    [InlineData(0L, "0B")]
    [InlineData(1023L, "1023B")]
    [InlineData(1024L, "1KB")]
    [InlineData(3250000L, "3.1MB")]
    [InlineData(536870912L, "512MB")]
    [InlineData(1610612736L, "1.5GB")]
    [InlineData(17179869184L, "16GB")]
    [InlineData(1099511627776L, "1TB")]
    public void Format_Bytes_UsesRladminUnits(long bytes, string expected)
    {
        Assert.Equal(expected, MemorySize.Format(bytes));
    }
}
