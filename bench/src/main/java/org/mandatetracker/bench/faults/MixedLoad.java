package org.mandatetracker.bench.faults;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * A steady mixed write load through the gateway, as a recorder's clients would send it: each client, round after
 * round, establishes a body, confers two mandates on it, schedules a meeting of it, records the meeting held and a
 * recommendation adopted there. Every command carries an id the client chose, and a command that is not answered
 * 2xx is sent again, with the same id and content, until it is (as a real client would), or until it has been tried
 * for {@code giveUpAfter}. Every answer is counted by its status (or the exception), with when it came.
 */
final class MixedLoad implements AutoCloseable {

    /** What a command records: the event type, on which aggregate, and for a recommendation its id. */
    record Command(String service, String eventType, String aggregateId, String itemId, String path, String json) {
        String key() {
            return aggregateId + "/" + eventType + (itemId == null ? "" : "/" + itemId);
        }
    }

    /** A command answered 2xx, and when (nanoTime). */
    record Acknowledged(Command command, long at) {
    }

    /** One answer, or an exception in place of one; {@code at} is nanoTime. */
    record Answer(long at, String service, String outcome) {
    }

    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(40);
    private static final LocalDate FIRST = LocalDate.of(2020, 1, 6);

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String gateway;
    private final String token;
    private final String prefix;
    private final int clients;
    private final double perSecond;
    private final Duration giveUpAfter;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> threads = new ArrayList<>();
    private final ConcurrentLinkedQueue<Acknowledged> acknowledged = new ConcurrentLinkedQueue<>();
    private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
    private final Map<String, Command> abandoned = new ConcurrentHashMap<>();
    private final LongAdder sent = new LongAdder();

    MixedLoad(String gateway, String token, String prefix, int clients, double perSecond, Duration giveUpAfter) {
        this.gateway = gateway;
        this.token = token;
        this.prefix = prefix;
        this.clients = clients;
        this.perSecond = perSecond;
        this.giveUpAfter = giveUpAfter;
    }

    void start() {
        for (int client = 0; client < clients; client++) {
            int id = client;
            Thread thread = new Thread(() -> client(id), "fault-load-" + client);
            thread.setDaemon(true);
            thread.start();
            threads.add(thread);
        }
    }

    private void client(int client) {
        long interval = (long) (1e9 * clients / perSecond);
        long due = System.nanoTime() + interval * client / clients;
        for (int round = 0; running.get(); round++) {
            for (Command command : round(client, round)) {
                LockSupport.parkNanos(due - System.nanoTime());
                due = Math.max(due + interval, System.nanoTime() - interval);
                if (!running.get()) {
                    return;
                }
                if (!sendUntilAcknowledged(command)) {
                    return;
                }
            }
        }
    }

    /** One round of one client: six commands, each recording one event. */
    private List<Command> round(int client, int round) {
        String body = prefix + "-c" + client + "-r" + round;
        String meeting = body + "-g";
        String symbol = "FAULTS/" + prefix.toUpperCase() + "/" + client + "/" + round;
        LocalDate start = FIRST.plusDays(round % 2000);
        return List.of(
                new Command("mandate-service", "BodyEstablished", body, null, "/api/bodies", """
                        {"id": "%s", "name": "Fault matrix body %s", "shortName": "FMB", "kind": "WORKING_GROUP",
                         "establishedOn": "%s", "establishedBy": {"document": "%s", "paragraph": "1"}}"""
                        .formatted(body, body, FIRST, symbol)),
                mandate(body, body + "-m1", symbol, 2),
                mandate(body, body + "-m2", symbol, 3),
                new Command("meeting-service", "MeetingScheduled", meeting, null, "/api/meetings", """
                        {"id": "%s", "bodyId": "%s", "title": "Fault matrix meeting", "plannedStart": "%s",
                         "plannedEnd": "%s", "scheduledOn": "%s", "source": {"document": "%s"}}"""
                        .formatted(meeting, body, start, start.plusDays(1), FIRST, symbol)),
                new Command("meeting-service", "MeetingHeld", meeting, null, "/api/meetings/" + meeting + "/held", """
                        {"heldFrom": "%s", "heldTo": "%s", "source": {"document": "%s/REP"}}"""
                        .formatted(start, start.plusDays(1), symbol)),
                new Command("meeting-service", "RecommendationAdopted", meeting, meeting + "-rec",
                        "/api/meetings/" + meeting + "/recommendations", """
                        {"id": "%s", "text": "A recommendation recorded under faults",
                         "addressee": {"description": "States parties"}, "reportSymbol": "%s/REP",
                         "adoptedOn": "%s", "source": {"document": "%s/REP"}}"""
                        .formatted(meeting + "-rec", symbol, start.plusDays(1), symbol)));
    }

    private static Command mandate(String body, String id, String symbol, int paragraph) {
        return new Command("mandate-service", "MandateConferred", id, null, "/api/bodies/" + body + "/mandates", """
                {"id": "%s", "task": "To report on the implementation of the protocol",
                 "deadline": {"form": "on-date", "date": "2030-06-30"}, "conferredOn": "%s",
                 "source": {"document": "%s", "paragraph": "%d"}}""".formatted(id, FIRST, symbol, paragraph));
    }

    /**
     * Sends until a 2xx. A 422 is expected only while a new body is on its way to meeting-service; 429, 5xx and
     * exceptions while something is down. Anything else is a refusal no repeat will change, and stops the client.
     */
    private boolean sendUntilAcknowledged(Command command) {
        long deadline = System.nanoTime() + giveUpAfter.toNanos();
        while (true) {
            String outcome;
            try {
                sent.increment();
                HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(gateway + command.path()))
                        .timeout(REQUEST_TIMEOUT).header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(command.json())).build(),
                        HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                outcome = Integer.toString(status);
                answers.add(new Answer(System.nanoTime(), command.service(), outcome));
                if (status >= 200 && status < 300) {
                    acknowledged.add(new Acknowledged(command, System.nanoTime()));
                    return true;
                }
                if (status == 500) {
                    System.err.println("500 for " + command.path() + ": " + response.body());
                }
                if (status != 422 && status != 429 && status < 500) {
                    System.err.println("Refused for good: " + command.path() + " " + status + " " + response.body());
                    abandoned.put(command.key(), command);
                    return false;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                abandoned.put(command.key(), command);
                return false;
            } catch (Exception e) {
                answers.add(new Answer(System.nanoTime(), command.service(), e.getClass().getSimpleName()));
            }
            if (System.nanoTime() > deadline || !running.get()) {
                abandoned.put(command.key(), command);
                return false;
            }
            LockSupport.parkNanos(Duration.ofMillis(500).toNanos());
        }
    }

    List<Acknowledged> acknowledged() {
        return List.copyOf(acknowledged);
    }

    /** Commands a client stopped trying without an acknowledgement: not expected to be anywhere. */
    Map<String, Command> abandoned() {
        return Map.copyOf(abandoned);
    }

    /** Answers by outcome (status or exception) between two instants (nanoTime). */
    Map<String, Long> outcomes(long from, long to) {
        Map<String, Long> counts = new TreeMap<>();
        for (Answer answer : answers) {
            if (answer.at() >= from && answer.at() < to) {
                counts.merge(answer.outcome(), 1L, Long::sum);
            }
        }
        return counts;
    }

    /** The longest time, in seconds, between two acknowledgements of one service's commands within a window. */
    Map<String, Double> longestGaps(long from, long to) {
        Map<String, List<Long>> times = new TreeMap<>();
        for (Acknowledged ack : acknowledged) {
            if (ack.at() >= from && ack.at() < to) {
                times.computeIfAbsent(ack.command().service(), service -> new ArrayList<>()).add(ack.at());
            }
        }
        Map<String, Double> gaps = new TreeMap<>();
        times.forEach((service, list) -> {
            list.sort(Long::compare);
            long previous = from;
            long longest = 0;
            for (long at : list) {
                longest = Math.max(longest, at - previous);
                previous = at;
            }
            longest = Math.max(longest, to - previous);
            gaps.put(service, longest / 1e9);
        });
        return gaps;
    }

    boolean clientsAlive() {
        return threads.stream().allMatch(Thread::isAlive);
    }

    long sent() {
        return sent.sum();
    }

    @Override
    public void close() throws InterruptedException {
        running.set(false);
        for (Thread thread : threads) {
            thread.join(Duration.ofSeconds(60).toMillis());
        }
    }
}
