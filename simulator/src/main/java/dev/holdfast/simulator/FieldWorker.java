package dev.holdfast.simulator;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;

/**
 * One collector of the accuracy scenario: a person walking (1.2–1.4 m/s) from task to task. A task is one of: walk
 * to another site and through it, stopping there briefly; walk up to a tag and stand next to it for one to two
 * minutes; or handle a tag — walk up to it (within a metre), pick it up, carry it 35–280 s along a {@link CarryRoutes}
 * route and put it down. Pick-ups and put-downs happen on whole seconds.
 */
final class FieldWorker {

    static final double MIN_SPEED = 1.2;
    static final double MAX_SPEED = 1.4;
    /** Tags farther than this are not chosen as the next task's target. */
    static final double REACH_M = 450;

    private sealed interface Step permits Walk, Stay, PickUp, PutDown {
    }

    private record Walk(double east, double north, double speed) implements Step {
    }

    private record Stay(int seconds) implements Step {
    }

    private record PickUp(int tag) implements Step {
    }

    private record PutDown(int tag) implements Step {
    }

    private final int index;
    private final Random random;
    private final FieldWorld world;
    private final Deque<Step> plan = new ArrayDeque<>();
    private double east;
    private double north;

    FieldWorker(int index, Random random, FieldWorld world) {
        this.index = index;
        this.random = random;
        this.world = world;
        Site start = world.sites.get(random.nextInt(world.sites.size()));
        double[] p = CarryRoutes.inside(start, random);
        east = p[0];
        north = p[1];
        plan.add(new Stay(random.nextInt(60)));
    }

    double east() {
        return east;
    }

    double north() {
        return north;
    }

    /** Moves on from {@code second} to {@code second + 1}. */
    void step(int second) {
        double budget = 1;
        while (budget > 1e-9) {
            if (plan.isEmpty()) {
                planNext(second);
            }
            Step head = plan.peekFirst();
            if (head instanceof PickUp p) {
                if (budget < 1) {
                    break; // on the next whole second
                }
                plan.pollFirst();
                world.pickUp(p.tag(), index, second, east, north);
            } else if (head instanceof PutDown p) {
                if (budget < 1) {
                    break;
                }
                plan.pollFirst();
                world.putDown(p.tag(), second, east, north);
            } else if (head instanceof Stay s) {
                plan.pollFirst();
                if (s.seconds() > 1) {
                    plan.addFirst(new Stay(s.seconds() - 1));
                }
                budget = 0;
            } else {
                Walk w = (Walk) head;
                double speed = Math.max(1.0, Math.min(1.6, w.speed() * (1 + random.nextGaussian() * 0.03)));
                double dx = w.east() - east;
                double dy = w.north() - north;
                double distance = Math.hypot(dx, dy);
                if (distance <= speed * budget) {
                    east = w.east();
                    north = w.north();
                    budget -= distance / speed;
                    plan.pollFirst();
                } else {
                    east += dx / distance * speed * budget;
                    north += dy / distance * speed * budget;
                    budget = 0;
                }
            }
        }
    }

    private void planNext(int second) {
        double r = random.nextDouble();
        if (r < 0.25 && planHandling(second)) {
            return;
        }
        if (r < 0.6 && planInspection()) {
            return;
        }
        planSiteWalk();
    }

    private boolean planHandling(int second) {
        List<Integer> near = new ArrayList<>();
        for (int t = 0; t < world.tags(); t++) {
            double[] p = world.restPosition(t);
            if (world.available(t) && Math.hypot(p[0] - east, p[1] - north) <= REACH_M) {
                near.add(t);
            }
        }
        if (near.isEmpty()) {
            return false;
        }
        int tag = near.get(random.nextInt(near.size()));
        double[] from = world.restPosition(tag);
        double speed = speed();
        List<double[]> route = CarryRoutes.choose(world.sites, world.areaRadius, from, speed, random);
        if (route == null) {
            return false;
        }
        double approach = Math.hypot(from[0] - east, from[1] - north) / speed;
        double carry = CarryRoutes.length(from, route) / speed;
        if (second + approach + carry + 60 > world.seconds) {
            return false; // it would still be in someone's hands at the end
        }
        world.reserve(tag);
        double a = random.nextDouble() * 2 * Math.PI;
        double d = 0.4 + random.nextDouble() * 0.5;
        plan.add(new Walk(from[0] + d * Math.cos(a), from[1] + d * Math.sin(a), speed));
        plan.add(new Stay(2 + random.nextInt(7)));
        plan.add(new PickUp(tag));
        for (double[] p : route) {
            plan.add(new Walk(p[0], p[1], speed));
        }
        plan.add(new PutDown(tag));
        plan.add(new Stay(2 + random.nextInt(9)));
        return true;
    }

    private boolean planInspection() {
        List<Integer> near = new ArrayList<>();
        for (int t = 0; t < world.tags(); t++) {
            double[] p = world.restPosition(t);
            if (!world.carried(t) && Math.hypot(p[0] - east, p[1] - north) <= REACH_M) {
                near.add(t);
            }
        }
        if (near.isEmpty()) {
            return false;
        }
        double[] p = world.restPosition(near.get(random.nextInt(near.size())));
        double a = random.nextDouble() * 2 * Math.PI;
        double d = 1.5 + random.nextDouble() * 3.5;
        plan.add(new Walk(p[0] + d * Math.cos(a), p[1] + d * Math.sin(a), speed()));
        plan.add(new Stay(60 + random.nextInt(61)));
        return true;
    }

    private void planSiteWalk() {
        int here = FieldScenario.siteAt(world.sites, east, north);
        int next = random.nextInt(world.sites.size());
        if (next == here && world.sites.size() > 1) {
            next = (next + 1 + random.nextInt(world.sites.size() - 1)) % world.sites.size();
        }
        Site site = world.sites.get(next);
        double speed = speed();
        int points = 1 + random.nextInt(3);
        for (int i = 0; i < points; i++) {
            double[] p = CarryRoutes.inside(site, random);
            plan.add(new Walk(p[0], p[1], speed));
        }
        plan.add(new Stay(10 + random.nextInt(51)));
    }

    private double speed() {
        return MIN_SPEED + random.nextDouble() * (MAX_SPEED - MIN_SPEED);
    }
}
