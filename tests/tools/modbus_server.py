#!/usr/bin/python3
"""A real Modbus TCP server (pymodbus 3.0) for the agent's tests and benchmarks.

Run with /usr/bin/python3 (Debian's python3-pymodbus). Serves several unit ids on one port, holding and input
registers 0..REGISTERS-1 (address 0 is register 0: zero-based, as on the wire).

    modbus_server.py [--port 0] [--units 1,2,3] [--config values.json] [--set UNIT:TABLE:ADDR:TYPE:ORDER:VALUE ...]

TABLE is h (holding) or i (input); TYPE float32|int32|uint32|int16|uint16; ORDER high|low (word order of
32-bit values; bytes within a word are always big-endian). --port 0 asks the OS for a free port.
The JSON file holds {"units": {"1": [{"table": "h", "address": 0, "type": "float32", "order": "high",
"value": 12.5}, ...]}}.

Once listening it prints "READY <port>" on stdout. Then (unless --no-commands) it reads commands on stdin, one per line, and answers
each with one line "OK ..." or "ERR <reason>":
    set UNIT TABLE ADDR TYPE ORDER VALUE      write a typed value
    ramp UNIT TABLE ADDR TYPE ORDER STEP SECONDS
                                              add STEP to the value every SECONDS (values that change over time)
    mute UNIT / unmute UNIT                   the unit stops / starts answering (a dead slave behind a gateway:
                                              requests to it get no answer at all)
    stop / start                              close the listener and every connection / listen again on the same port
    quit                                      exit (also on end of stdin, so a dead test never leaves it running)
"""
import argparse
import asyncio
import json
import logging
import struct
import sys

from pymodbus.datastore import ModbusServerContext, ModbusSlaveContext, ModbusSequentialDataBlock
from pymodbus.server.async_io import ModbusTcpServer

REGISTERS = 4096
TABLES = {"h": 3, "i": 4}
FORMATS = {"float32": ">f", "int32": ">i", "uint32": ">I", "int16": ">h", "uint16": ">H"}


def encode(kind, order, value):
    """Registers (16-bit words) for a typed value."""
    fmt = FORMATS[kind]
    number = float(value) if kind == "float32" else int(round(float(value)))
    raw = struct.pack(fmt, number)
    words = [int.from_bytes(raw[i:i + 2], "big") for i in range(0, len(raw), 2)]
    if order == "low":
        words.reverse()
    elif order != "high":
        raise ValueError(f"order must be high or low, not {order}")
    return words


def decode(kind, order, words):
    if order == "low":
        words = list(reversed(words))
    raw = b"".join(w.to_bytes(2, "big") for w in words)
    return struct.unpack(FORMATS[kind], raw)[0]


def width(kind):
    return struct.calcsize(FORMATS[kind]) // 2


class Registers:
    """The unit contexts, kept even while a unit is muted."""

    def __init__(self, units):
        self.units = {}
        for unit in units:
            self.units[unit] = ModbusSlaveContext(
                hr=ModbusSequentialDataBlock(0, [0] * REGISTERS),
                ir=ModbusSequentialDataBlock(0, [0] * REGISTERS),
                zero_mode=True,
            )
        self.context = ModbusServerContext(slaves=dict(self.units), single=False)

    def set(self, unit, table, address, kind, order, value):
        if table not in TABLES:
            raise ValueError(f"table must be h or i, not {table}")
        self.units[unit].setValues(TABLES[table], address, encode(kind, order, value))

    def get(self, unit, table, address, kind, order):
        return decode(kind, order, self.units[unit].getValues(TABLES[table], address, width(kind)))

    def mute(self, unit):
        if unit in self.context:
            del self.context[unit]

    def unmute(self, unit):
        self.context[unit] = self.units[unit]


class Server:
    def __init__(self, registers, port):
        self.registers = registers
        self.port = port
        self.server = None
        self.task = None

    async def start(self):
        if self.server is not None:
            return
        self.server = ModbusTcpServer(
            self.registers.context,
            address=("127.0.0.1", self.port),
            allow_reuse_address=True,
            ignore_missing_slaves=True,
        )
        self.task = asyncio.create_task(self.server.serve_forever())
        await asyncio.wait_for(asyncio.shield(self.server.serving), 10)
        self.port = self.server.server.sockets[0].getsockname()[1]

    async def stop(self):
        if self.server is None:
            return
        server, self.server = self.server, None
        # pymodbus cancels the handlers but leaves their sockets open: close them, or clients would wait forever.
        for handler in list(server.active_connections.values()):
            handler.transport.abort()
        await server.server_close()
        self.task.cancel()
        try:
            await self.task
        except asyncio.CancelledError:
            pass


async def ramp(registers, unit, table, address, kind, order, step, seconds):
    while True:
        await asyncio.sleep(seconds)
        value = registers.get(unit, table, address, kind, order) + step
        registers.set(unit, table, address, kind, order, value)


async def commands(server, registers):
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader()
    await loop.connect_read_pipe(lambda: asyncio.StreamReaderProtocol(reader), sys.stdin)
    ramps = []
    while True:
        line = await reader.readline()
        if not line:
            return
        parts = line.decode().split()
        if not parts:
            continue
        try:
            verb, args = parts[0], parts[1:]
            if verb == "set":
                registers.set(int(args[0]), args[1], int(args[2]), args[3], args[4], args[5])
            elif verb == "ramp":
                ramps.append(asyncio.create_task(ramp(registers, int(args[0]), args[1], int(args[2]), args[3], args[4],
                                                      float(args[5]), float(args[6]))))
            elif verb == "mute":
                registers.mute(int(args[0]))
            elif verb == "unmute":
                registers.unmute(int(args[0]))
            elif verb == "stop":
                await server.stop()
            elif verb == "start":
                await server.start()
            elif verb == "quit":
                print("OK", flush=True)
                return
            else:
                raise ValueError(f"unknown command {verb}")
            print("OK", flush=True)
        except (ValueError, IndexError, KeyError, OSError, struct.error) as error:
            print(f"ERR {verb}: {error!r}", flush=True)


def parse_set(text):
    unit, table, address, kind, order, value = text.split(":")
    return int(unit), table, int(address), kind, order, value


async def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--units", default="1")
    parser.add_argument("--config")
    parser.add_argument("--set", action="append", default=[])
    parser.add_argument("--no-commands", action="store_true", help="ignore stdin; serve until killed")
    parser.add_argument("--verbose", action="store_true")
    options = parser.parse_args()
    logging.basicConfig(stream=sys.stderr)
    # pymodbus logs a missing (muted) unit and every closed connection as errors: expected here, so quiet by default.
    logging.getLogger("pymodbus").setLevel(logging.DEBUG if options.verbose else logging.CRITICAL)

    values = []
    if options.config:
        with open(options.config, encoding="utf-8") as file:
            for unit, points in json.load(file)["units"].items():
                for p in points:
                    values.append((int(unit), p["table"], int(p["address"]), p["type"], p.get("order", "high"), p["value"]))
    values += [parse_set(s) for s in options.set]
    units = sorted({int(u) for u in options.units.split(",") if u} | {v[0] for v in values})
    registers = Registers(units)
    for v in values:
        registers.set(*v)

    server = Server(registers, options.port)
    await server.start()
    print(f"READY {server.port}", flush=True)
    if options.no_commands:
        await asyncio.Event().wait()
    await commands(server, registers)
    await server.stop()


if __name__ == "__main__":
    asyncio.run(main())
