"""The host budget: send times a host's interval apart, across hosts independent; the servers'
measure of a second's requests counts what a sliding second holds."""

from __future__ import annotations

import pickle

from ratsinfo.scale.politeness import HostRates
from tests.simulation import Host


def test_send_times_of_one_host_are_an_interval_apart_whoever_asks():
    rates = HostRates({"a:1": 4.0, "b:2": 2.0})
    times = [rates.reserve("a:1") for _ in range(9)]
    gaps = [round(later - earlier, 6) for earlier, later in zip(times, times[1:], strict=False)]
    assert gaps == [0.25] * 8
    assert sum(1 for t in times if t < times[0] + 1.0) == 4  # four in any second, as the budget says


def test_hosts_have_budgets_of_their_own():
    rates = HostRates({"a:1": 1.0}, default=10.0)
    first_a, first_b = rates.reserve("a:1"), rates.reserve("b:2")
    second_b = rates.reserve("b:2")
    assert abs(first_b - first_a) < 0.5  # b does not wait behind a
    assert round(second_b - first_b, 6) == 0.1  # an unlisted host gets the default
    assert rates.counts() == {"a:1": 1, "b:2": 2}


def test_a_host_counts_the_most_requests_within_any_second():
    host = Host()
    try:
        host.arrivals = [0.0, 0.3, 0.6, 0.9, 1.2, 1.5, 3.0]
        assert host.max_per_second() == 4  # 0.0 to 0.9 (and 0.3 to 1.2, 0.6 to 1.5)
        host.arrivals = [0.0, 0.999, 1.0]
        assert host.max_per_second() == 2
    finally:
        host.httpd.server_close()


def test_send_times_kept_on_the_scheduler_are_an_interval_apart_and_outlive_their_askers():
    from distributed import Client, LocalCluster

    from ratsinfo.scale.politeness import SchedulerRates

    with LocalCluster(n_workers=0, processes=False, dashboard_address=":0") as cluster, Client(cluster):
        first = SchedulerRates({"a:1": 5.0})
        times = [first.reserve("a:1") for _ in range(3)]
        later = pickle.loads(pickle.dumps(first))  # as a crawl task gets it: the state is the scheduler's
        times += [later.reserve("a:1") for _ in range(3)]
        other = later.reserve("b:2")
    gaps = [round(b - a, 6) for a, b in zip(times, times[1:], strict=False)]
    assert gaps == [0.2] * 5
    assert other < times[-1]  # another host does not wait behind a:1
