package dev.toolverdicts.vote.ballot;

import dev.toolverdicts.vote.idempotency.Answer;
import jakarta.annotation.PreDestroy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Group commit for the tally hot row. Every vote changes its tool's one tally row, so 1,000 members voting on one tool
 * used to queue on that row's lock, one transaction each. Here the requests of a tool wait in its queue, and a writer
 * takes up to {@code maxBatch} of them into ONE transaction ({@link BallotBatch}): each change isolated from the
 * others (a failing one rolls back to its own savepoint and fails alone), the tally row updated once by the summed
 * delta (one new version, one whole-state {@code vote.tally.v1} event), every answer stored with it; each request is
 * answered only after that commit.
 * <p>
 * Why group commit rather than sharded counters: the event carries the whole tally with a version that grows by one
 * per change, and consumers apply only newer versions; sharded counters would need a merge step that again orders on
 * one row, and a vote's answer could not show the tally it committed with.
 * <p>
 * A member has at most one change in flight per tool on this instance, so two of their requests are never in the same
 * batch (the second sees the first's ballot and stored answer) and two batches never wait on each other's ballot rows
 * of one member. Changes that meet a transient conflict (a deadlock with another instance, a first ballot created
 * concurrently) go back to the head of the queue for the next batch.
 */
@Component
@EnableConfigurationProperties(BallotBoxProperties.class)
class BallotBox {

    private final BallotBatch batch;
    private final BallotBoxProperties properties;
    private final Semaphore writers;
    private final Map<String, ToolQueue> queues = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    BallotBox(BallotBatch batch, BallotBoxProperties properties) {
        this.batch = batch;
        this.properties = properties;
        this.writers = new Semaphore(properties.writers());
    }

    /** Runs the change in a batch of its tool and returns its answer once committed, or throws what it failed with. */
    @SuppressWarnings("unchecked")
    <T> Answer<T> submit(String slug, String memberId, BallotChange change) {
        Pending pending = new Pending(memberId, change, new CompletableFuture<>());
        while (true) {
            ToolQueue queue = queues.computeIfAbsent(slug, ToolQueue::new);
            Offer offer = queue.offer(pending);
            if (offer == Offer.RETIRED) {
                continue;
            }
            if (offer == Offer.START_WRITER) {
                try {
                    executor.execute(() -> drain(queue));
                } catch (RejectedExecutionException closed) {
                    throw new IllegalStateException("vote-service is shutting down; the vote was not taken", closed);
                }
            }
            return (Answer<T>) await(pending.result());
        }
    }

    @PreDestroy
    void close() {
        executor.close();
    }

    private void drain(ToolQueue queue) {
        while (true) {
            writers.acquireUninterruptibly();
            try {
                List<Pending> next = queue.take(properties.maxBatch());
                if (next.isEmpty()) {
                    return;
                }
                List<Pending> again = run(queue.slug, next);
                queue.done(next, again);
            } finally {
                writers.release();
            }
        }
    }

    /** Runs one batch and completes its requests; returns the changes to try again in a later batch. */
    private List<Pending> run(String slug, List<Pending> next) {
        List<BallotBatch.Outcome> outcomes;
        try {
            outcomes = batch.run(slug, next.stream().map(Pending::change).toList());
        } catch (RuntimeException whole) {
            if (BallotBatch.isTransient(whole)) {
                return retryOrFail(next, whole);
            }
            next.forEach(pending -> pending.result().completeExceptionally(whole));
            return List.of();
        } catch (Error fatal) {
            // never leave a request waiting for an answer that will not come
            next.forEach(pending -> pending.result().completeExceptionally(fatal));
            throw fatal;
        }
        List<Pending> again = new ArrayList<>();
        for (int i = 0; i < next.size(); i++) {
            Pending pending = next.get(i);
            BallotBatch.Outcome outcome = outcomes.get(i);
            if (outcome.failure() == null) {
                pending.result().complete(outcome.answer());
            } else if (BallotBatch.isTransient(outcome.failure())) {
                again.addAll(retryOrFail(List.of(pending), outcome.failure()));
            } else {
                pending.result().completeExceptionally(outcome.failure());
            }
        }
        return again;
    }

    private List<Pending> retryOrFail(List<Pending> pendings, RuntimeException failure) {
        List<Pending> again = new ArrayList<>();
        for (Pending pending : pendings) {
            if (pending.attempts() + 1 < properties.attempts()) {
                again.add(pending.retried());
            } else {
                pending.result().completeExceptionally(failure);
            }
        }
        return again;
    }

    private static Answer<?> await(CompletableFuture<Answer<?>> result) {
        try {
            return result.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the vote was being committed", e);
        }
    }

    private record Pending(String memberId, BallotChange change, CompletableFuture<Answer<?>> result, int attempts) {

        Pending(String memberId, BallotChange change, CompletableFuture<Answer<?>> result) {
            this(memberId, change, result, 0);
        }

        Pending retried() {
            return new Pending(memberId, change, result, attempts + 1);
        }
    }

    private enum Offer { QUEUED, START_WRITER, RETIRED }

    /** The waiting changes of one tool, the members with a change in flight, and how many writers drain it. */
    private final class ToolQueue {

        private final String slug;
        private final ArrayDeque<Pending> waiting = new ArrayDeque<>();
        private final Set<String> inFlight = new HashSet<>();
        private int activeWriters;
        private boolean retired;

        ToolQueue(String slug) {
            this.slug = slug;
        }

        synchronized Offer offer(Pending pending) {
            if (retired) {
                return Offer.RETIRED;
            }
            waiting.addLast(pending);
            if (activeWriters < properties.writersPerTool()) {
                activeWriters++;
                return Offer.START_WRITER;
            }
            return Offer.QUEUED;
        }

        /** Up to max waiting changes in arrival order: one per member, none of a member already in flight. */
        synchronized List<Pending> take(int max) {
            List<Pending> taken = new ArrayList<>();
            Iterator<Pending> each = waiting.iterator();
            while (each.hasNext() && taken.size() < max) {
                Pending pending = each.next();
                if (inFlight.add(pending.memberId())) {
                    each.remove();
                    taken.add(pending);
                }
            }
            if (taken.isEmpty()) {
                activeWriters--;
                if (activeWriters == 0 && waiting.isEmpty()) {
                    retired = true;
                    queues.remove(slug, this);
                }
            }
            return taken;
        }

        synchronized void done(List<Pending> batch, List<Pending> again) {
            batch.forEach(pending -> inFlight.remove(pending.memberId()));
            for (int i = again.size() - 1; i >= 0; i--) {
                waiting.addFirst(again.get(i));
            }
        }
    }
}
