namespace Spinel.Api.Tests;

public sealed class SpinelApiOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeed() =>
        Assert.True(new SpinelApiOptionsValidator().Validate(null, new SpinelApiOptions()).Succeeded);

    [Fact]
    public void Validate_BadValues_NameEachOne()
    {
        var result = new SpinelApiOptionsValidator().Validate(null, new SpinelApiOptions
        {
            MaxRequestBodyBytes = 10,
            ForwardTimeout = TimeSpan.Zero,
            CredentialCacheSize = 0,
            LoginLockoutThreshold = -1,
            LoginLockoutDuration = TimeSpan.Zero,
        });

        Assert.True(result.Failed);
        Assert.Contains(nameof(SpinelApiOptions.MaxRequestBodyBytes), result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains(nameof(SpinelApiOptions.ForwardTimeout), result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains(nameof(SpinelApiOptions.CredentialCacheSize), result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains(nameof(SpinelApiOptions.LoginLockoutThreshold), result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains(nameof(SpinelApiOptions.LoginLockoutDuration), result.FailureMessage, StringComparison.Ordinal);
    }
}
