#!/usr/bin/env python3
"""Checks that no case of this round is sourced from a repository an earlier round used.

Also checks the precision-set repositories this round must not use (by repository name, any owner), the list of round 12's
brief plus set 8's ten repositories.
Run: python3 check_sources.py /tmp/corpus13-used-repos.txt   (owner/name per line: the repositories of rounds 1 to 12)
Prints each case whose source repository is on that list or is a precision-set repository, then the counts; exits 1
when there is any.
"""
import glob, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
# Repositories of the held-out precision sets, by name (any owner), as the brief of round 13 lists them.
PRECISION = set('''prometheus traefik caddy zookeeper dubbo rocketmq etcd minio nats-server gin resty nacos druid okhttp
hikaricp zuul go-redis gorm grpc-go jedis lettuce netty pgx spring-kafka tempo vert.x sentinel bun feign
httpcomponents-client kafka-go nsq raft resilience4j sarama xxl-job amqp091-go curator jdbi kit mybatis-3
rabbitmq-java-client retrofit watermill websocket hystrix async-http-client commons-pool eureka memberlist mysql
paho.mqtt.java pq redigo yamux apollo badger canal clickhouse-go dropwizard go-nsq spring-amqp work zipkin
rueidis juicefs rclone restic telegraf arthas hertzbeat undertow hutool crate'''.split())


def main(used_file):
    with open(used_file) as fh:
        used = {line.strip().lower() for line in fh if line.strip()}
    diffs = sorted(glob.glob(os.path.join(HERE, '*.diff')))
    repos, clashes = set(), []
    for diff in diffs:
        with open(diff, encoding='utf-8') as fh:
            source = next(line for line in fh if line.startswith('# source: '))
        repo = re.match(r'# source: https://github\.com/([^/]+/[^/\s]+)/', source).group(1).lower()
        repos.add(repo)
        if repo in used or repo.split('/')[1] in PRECISION:
            clashes.append('%s  %s' % (os.path.basename(diff), repo))
    for clash in clashes:
        print(clash)
    print('%d cases, %d distinct source repositories, %d sourced from a repository of rounds 1-12 (list of %d) or of a precision set' % (
        len(diffs), len(repos), len(clashes), len(used)))
    return 1 if clashes else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1]))
