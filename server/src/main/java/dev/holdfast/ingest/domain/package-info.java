@NullMarked
package dev.holdfast.ingest.domain;

import org.jspecify.annotations.NullMarked;
