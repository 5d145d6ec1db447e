namespace Relations.Grains.Interfaces;

/// <summary>
/// A grain was asked to work before its run set it up in this activation — it was lost with its silo and came
/// back empty. The run treats it as a reason to resume from its checkpoint, not as a failure.
/// </summary>
[GenerateSerializer, Alias("relations.grain-not-ready")]
public sealed class GrainNotReadyException : Exception
{
    public GrainNotReadyException()
    {
    }

    public GrainNotReadyException(string message) : base(message)
    {
    }

    public GrainNotReadyException(string message, Exception inner) : base(message, inner)
    {
    }
}
