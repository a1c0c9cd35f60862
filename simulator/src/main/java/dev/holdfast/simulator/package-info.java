/**
 * The fleet simulator ({@code java -jar simulator/target/holdfast-sim.jar --help}): virtual collectors that walk
 * realistic paths past tagged assets and upload real batches through the collector core ({@link Demo}), and a load
 * generator that uploads pre-built reference batches from many connections and measures the server ({@link Load}),
 * and an accuracy run that uploads a scenario with a known ground truth and scores the server's positions, visits and
 * handlings against it ({@link Accuracy}).
 * Plain Java: no Spring, no JSON library.
 */
@NullMarked
package dev.holdfast.simulator;

import org.jspecify.annotations.NullMarked;
