using Orleans.Runtime;
using Orleans.Storage;
using Relations.Grains.Interfaces;

namespace Relations.Grains;

/// <summary>A failed job's one plain sentence, as its page and list show it (the log keeps the exception).</summary>
internal static class JobErrors
{
    public static string Sentence(Exception ex) => ex switch
    {
        OrleansMessageRejectionException or TimeoutException =>
            "The silos evaluating the draws stopped answering, again and again; the cluster may be restarting. Try again in a minute.",
        InconsistentStateException =>
            "Storage refused to keep the job's result because another copy of the job wrote it first. Try again.",
        _ => RunErrors.Plain(ex.Message) ?? "The job failed; the log has the details.",
    };
}
