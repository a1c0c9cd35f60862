package dev.holdfast.simulator;

import java.util.List;
import java.util.Random;

/**
 * Where one collector is: it goes from waypoint to waypoint in straight lines — mostly the sites where assets are,
 * sometimes a random point — walking (1.1–1.6 m/s) for short legs and driving (7–14 m/s) for long ones, with small
 * speed changes on the way, and stays a few minutes at each waypoint. Every waypoint lies inside the circle of
 * {@code radius} around the centre, and so does every straight leg between two of them.
 */
final class Walker {

    static final double MAX_WALK = 1.6;
    static final double MAX_DRIVE = 14;
    static final double DRIVE_ABOVE_M = 600;

    private final Random random;
    private final List<double[]> sites;
    private final double radius;
    private double east;
    private double north;
    private double speed;
    private double cruise;
    private double bearing;
    private double dwellLeft;
    private double[] target;

    Walker(Random random, List<double[]> sites, double radius) {
        this.random = random;
        this.sites = sites;
        this.radius = radius;
        double[] start = sites.isEmpty() ? randomPoint() : sites.get(random.nextInt(sites.size()));
        this.east = start[0];
        this.north = start[1];
        this.dwellLeft = random.nextDouble() * 120;
        this.target = start;
    }

    /** Moves on by {@code seconds}. */
    void step(double seconds) {
        double dt = seconds;
        while (dt > 0) {
            if (dwellLeft > 0) {
                double used = Math.min(dwellLeft, dt);
                dwellLeft -= used;
                dt -= used;
                speed = 0;
                if (dwellLeft <= 0) {
                    pickTarget();
                }
                continue;
            }
            double dx = target[0] - east;
            double dy = target[1] - north;
            double distance = Math.hypot(dx, dy);
            double top = cruise > MAX_WALK ? MAX_DRIVE : MAX_WALK;
            speed = Math.max(0.8, Math.min(top, cruise * (1 + random.nextGaussian() * 0.05)));
            if (distance > 0) {
                bearing = (Math.toDegrees(Math.atan2(dx, dy)) + 360) % 360;
            }
            double needed = distance / speed;
            if (needed <= dt) {
                east = target[0];
                north = target[1];
                dt -= needed;
                dwellLeft = 60 + random.nextDouble() * 240;
            } else {
                east += dx / distance * speed * dt;
                north += dy / distance * speed * dt;
                dt = 0;
            }
        }
    }

    private void pickTarget() {
        double[] next = !sites.isEmpty() && random.nextDouble() < 0.75 ? sites.get(random.nextInt(sites.size()))
                : randomPoint();
        target = next;
        double distance = Math.hypot(next[0] - east, next[1] - north);
        cruise = distance > DRIVE_ABOVE_M ? 7 + random.nextDouble() * 7 : 1.1 + random.nextDouble() * 0.5;
    }

    /** A point uniformly inside the circle. */
    double[] randomPoint() {
        return randomPoint(random, radius);
    }

    static double[] randomPoint(Random random, double radius) {
        double r = radius * Math.sqrt(random.nextDouble());
        double a = random.nextDouble() * 2 * Math.PI;
        return new double[] {r * Math.cos(a), r * Math.sin(a)};
    }

    double east() {
        return east;
    }

    double north() {
        return north;
    }

    /** Speed over ground, m/s (0 while staying at a waypoint). */
    double speed() {
        return dwellLeft > 0 ? 0 : speed;
    }

    double bearing() {
        return bearing;
    }
}
