namespace Relations.Model.Ensembles;

/// <summary>
/// Runs <c>count</c> jobs with at most <c>concurrency</c> in flight and hands their results on in job order: the
/// oldest is awaited while the newer ones run. Results are handed on as soon as order allows and then dropped, so
/// memory holds at most <c>concurrency</c> results however many jobs there are.
/// </summary>
public static class OrderedWindow
{
    public static async Task RunAsync<T>(
        int count, int concurrency, Func<int, CancellationToken, Task<T>> job, Action<int, T> fold, CancellationToken cancellation)
    {
        var inFlight = new Queue<Task<T>>();
        var next = 0;
        for (var done = 0; done < count; done++)
        {
            while (next < count && inFlight.Count < Math.Max(1, concurrency))
            {
                var index = next++;
                inFlight.Enqueue(Task.Run(() => job(index, cancellation), cancellation));
            }
            fold(done, await inFlight.Dequeue());
        }
    }
}
