namespace Spinel.ControlPlane.Store;

/// <summary>Why a command left the state unchanged; the message names the object and the conflict.</summary>
public sealed record CommandRejection(RejectionCode Code, string Message)
{
    public override string ToString() => $"{Code}: {Message}";
}
