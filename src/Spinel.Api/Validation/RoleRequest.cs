using Spinel.ControlPlane.Store;

namespace Spinel.Api.Validation;

/// <summary>The fields a <c>role</c> request gave; null for those it left out.</summary>
internal sealed record RoleRequest(string? Name, UserRole? Management);
