using CsCheck;
using FleetSim.Policy.Model;

namespace FleetSim.Policy.Tests.Model;

public sealed class WorkerQueueProperties
{
    private static readonly Gen<(double Arrival, double Service)[]> Requests =
        Gen.Select(Gen.Double[0, 50], Gen.Double[0, 20]).Array[1, 60]
            .Select(requests => requests.OrderBy(r => r.Item1).Select(r => (r.Item1, r.Item2)).ToArray());

    [Fact]
    public void Adding_a_worker_never_makes_any_request_wait_longer() =>
        Gen.Select(Requests, Gen.Int[1, 6]).Sample((requests, workers) =>
        {
            var fewer = new WorkerQueue(workers);
            var more = new WorkerQueue(workers + 1);
            foreach (var (arrival, service) in requests)
                Assert.True(more.Serve(arrival, service) <= fewer.Serve(arrival, service) + 1e-9);
        }, iter: 2_000);

    [Fact]
    public void A_request_never_starts_before_it_arrives_and_never_waits_while_a_worker_is_idle() =>
        Gen.Select(Requests, Gen.Int[1, 6]).Sample((requests, workers) =>
        {
            var queue = new WorkerQueue(workers);
            var ends = new List<double>();
            foreach (var (arrival, service) in requests)
            {
                var wait = queue.Serve(arrival, service);
                Assert.True(wait >= 0);
                // Fewer than c requests still in service at its arrival: it starts at once.
                if (ends.Count(end => end > arrival) < workers)
                    Assert.Equal(0, wait);
                ends.Add(arrival + wait + service);
            }
        }, iter: 2_000);

    [Fact]
    public void A_client_that_gives_up_before_a_worker_is_free_takes_no_worker()
    {
        var queue = new WorkerQueue(1);
        queue.Serve(0, 10);
        Assert.False(queue.TryServe(1, 5, abandonAtMs: 5, out _));
        Assert.Equal(0, queue.Serve(10, 1));
        Assert.Equal(1, queue.Abandoned);
    }

    [Fact]
    public void A_request_ahead_of_the_latest_one_received_waits_what_that_one_waited_and_later_ones_queue_behind_its_work()
    {
        var queue = new WorkerQueue(1);
        queue.Serve(0, 50);
        Assert.Equal(49, queue.Serve(1, 10));
        // Sent at 200 in simulated time but received when the latest arrival was 1, which waited 49 ms.
        Assert.True(queue.TryServeAhead(200, 5, double.PositiveInfinity, out var wait));
        Assert.Equal(49, wait);
        // Its work took the worker after the one at 1 (to 65), not at 200: a request arriving at 10 waits behind it.
        Assert.Equal(55, queue.Serve(10, 1));
    }

    [Fact]
    public void A_request_ahead_of_the_latest_one_received_gives_up_when_that_wait_is_too_long_and_takes_no_worker()
    {
        var queue = new WorkerQueue(1);
        queue.Serve(0, 50);
        queue.Serve(1, 10);
        Assert.False(queue.TryServeAhead(200, 5, abandonAtMs: 230, out _));
        Assert.Equal(1, queue.Abandoned);
        Assert.Equal(58, queue.Serve(2, 1));
    }

    [Fact]
    public void A_request_behind_the_frontier_is_served_as_any_other() =>
        Gen.Select(Requests, Gen.Int[1, 4]).Sample((requests, workers) =>
        {
            var plain = new WorkerQueue(workers);
            var ahead = new WorkerQueue(workers);
            // Received first, a request at 100 ms puts every later one behind the frontier.
            Assert.Equal(plain.Serve(100, 1), ahead.Serve(100, 1));
            foreach (var (arrival, service) in requests)
            {
                Assert.True(ahead.TryServeAhead(arrival, service, double.PositiveInfinity, out var wait));
                Assert.Equal(plain.Serve(arrival, service), wait);
            }
        }, iter: 1_000);

    [Fact]
    public void Received_in_any_order_no_more_requests_are_in_service_at_once_than_there_are_workers() =>
        Gen.Select(Requests, Gen.Int[1, 4], Gen.Int[0, int.MaxValue]).Sample((requests, workers, seed) =>
        {
            var queue = new WorkerQueue(workers);
            var spans = new List<(double Start, double End)>();
            foreach (var (arrival, service) in Shuffled(requests, seed))
            {
                var wait = queue.Serve(arrival, service);
                Assert.True(wait >= 0);
                spans.Add((arrival + wait, arrival + wait + service));
            }
            // (A nanosecond's tolerance: a span's end and the next one's start are rebuilt from waits.)
            foreach (var (start, _) in spans)
                Assert.True(spans.Count(s => s.Start <= start + 1e-6 && start + 1e-6 < s.End) <= workers, "more requests in service than workers");
        }, iter: 2_000);

    [Fact]
    public void A_request_received_late_takes_a_worker_that_sat_idle_at_its_arrival() =>
        Gen.Select(Requests, Gen.Int[0, int.MaxValue]).Sample((requests, seed) =>
        {
            // Requests that one worker serves without a wait when given in order: none overlaps
            // another. Received in any other order, none of them waits either. (Services of some
            // length: one of no length at the seam of two others waits by design, see WorkerQueue.)
            var inOrder = new WorkerQueue(1);
            var unhurried = requests.Where(r => r.Service > 1e-3 && inOrder.Serve(r.Arrival, r.Service) == 0).ToArray();
            var anyOrder = new WorkerQueue(1);
            foreach (var (arrival, service) in Shuffled(unhurried, seed))
                Assert.Equal(0, anyOrder.Serve(arrival, service));
        }, iter: 2_000);

    [Fact]
    public void A_late_request_cannot_move_those_already_answered_so_it_waits_for_a_gap_that_fits()
    {
        var queue = new WorkerQueue(1);
        Assert.Equal(0, queue.Serve(100, 10));
        // Idle from 0 to 100: a 30 ms request at 20 fits before the one at 100, a 90 ms one at 20 does not.
        Assert.Equal(0, queue.Serve(20, 30));
        Assert.Equal(90, queue.Serve(20, 90));
    }

    private static (double Arrival, double Service)[] Shuffled((double Arrival, double Service)[] requests, int seed)
    {
        var shuffled = requests.ToArray();
        new Random(seed).Shuffle(shuffled);
        return shuffled;
    }

    [Fact]
    public void Utilisation_is_the_share_of_worker_time_spent_serving()
    {
        var queue = new WorkerQueue(2);
        queue.Serve(0, 10);
        queue.Serve(0, 5);
        Assert.Equal(0.75, queue.Utilisation(10));
    }
}
