/** JMH benchmarks of Elastic Collections against peer libraries. */
package org.elastichash.benchmarks;
