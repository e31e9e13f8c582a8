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
    public void Requests_that_arrive_in_order_are_served_first_come_first_served_by_the_earliest_free_worker() =>
        Gen.Select(Requests, Gen.Int[1, 6]).Sample((requests, workers) =>
        {
            // The oracle: the textbook FCFS queue of c servers, one next-free time per worker.
            var nextFree = new double[workers];
            var queue = new WorkerQueue(workers);
            foreach (var (arrival, service) in requests)
            {
                var earliest = Array.IndexOf(nextFree, nextFree.Min());
                var start = Math.Max(arrival, nextFree[earliest]);
                nextFree[earliest] = start + service;
                Assert.Equal(start - arrival, queue.Serve(arrival, service), 9);
            }
        }, iter: 2_000);

    [Fact]
    public void A_request_delivered_after_later_ones_fills_an_idle_span_before_them_instead_of_waiting_behind_them()
    {
        var queue = new WorkerQueue(1);
        Assert.Equal(0, queue.Serve(100, 10));
        // It arrived at 20, before the request booked at 100, and its 5 ms fit before it.
        Assert.Equal(0, queue.Serve(20, 5));
        // 90 to 105 does not fit before 100: it waits for the worker to be free at 110.
        Assert.Equal(20, queue.Serve(90, 15));
    }

    [Fact]
    public void Requests_that_do_not_overlap_get_the_same_figures_in_any_order_of_delivery() =>
        Gen.Select(Gen.Double[0, 5].Array[1, 40], Gen.Int[0, 1000]).Sample((services, shuffle) =>
        {
            // Each request arrives after the one before it has finished: none ever waits, in any order.
            var at = 0.0;
            var requests = services.Select(s => (Arrival: at += 10, Service: s)).ToArray();
            var random = new Random(shuffle);
            var queue = new WorkerQueue(1);
            foreach (var (arrival, service) in requests.OrderBy(_ => random.Next()))
                Assert.Equal(0, queue.Serve(arrival, service));
        }, iter: 1_000);

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
    public void Utilisation_is_the_share_of_worker_time_spent_serving()
    {
        var queue = new WorkerQueue(2);
        queue.Serve(0, 10);
        queue.Serve(0, 5);
        Assert.Equal(0.75, queue.Utilisation(10));
    }
}
