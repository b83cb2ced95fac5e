using Microsoft.Extensions.Options;

namespace Spinel.Api;

/// <summary>Checks <see cref="SpinelApiOptions"/>.</summary>
public sealed class SpinelApiOptionsValidator : IValidateOptions<SpinelApiOptions>
{
    public ValidateOptionsResult Validate(string? name, SpinelApiOptions options)
    {
        var failures = new List<string>();
        if (options.MaxRequestBodyBytes < 1024)
        {
            failures.Add($"{nameof(SpinelApiOptions.MaxRequestBodyBytes)} must be at least 1024.");
        }
        if (options.ForwardTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{nameof(SpinelApiOptions.ForwardTimeout)} must be positive.");
        }
        if (options.CredentialCacheSize < 1)
        {
            failures.Add($"{nameof(SpinelApiOptions.CredentialCacheSize)} must be at least 1.");
        }
        if (options.LoginLockoutThreshold < 0)
        {
            failures.Add($"{nameof(SpinelApiOptions.LoginLockoutThreshold)} must be 0 (off) or more.");
        }
        if (options.LoginLockoutDuration <= TimeSpan.Zero || options.LoginLockoutCounterResetAfter <= TimeSpan.Zero)
        {
            failures.Add($"{nameof(SpinelApiOptions.LoginLockoutDuration)} and {nameof(SpinelApiOptions.LoginLockoutCounterResetAfter)} must be positive.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
