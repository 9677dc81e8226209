/**
 * Office.js proxy semantics: RequestContext with an ordered operation queue, proxies whose properties must be
 * `load`ed and `sync`ed before reading (else PropertyNotLoaded), methods returning proxies immediately that are
 * resolved at sync, request/response byte accounting, request/response payload limits and fault injection.
 *
 * Failure model (matches Excel): operations of a failing sync that come BEFORE the failing operation stay
 * applied; the failing one and everything after it are not. Fault-injected syncs and oversized requests fail
 * before anything runs, so they apply nothing. Loaded values of a failed sync are not delivered. An oversized
 * response (ResponsePayloadSizeLimitExceeded) fails after the operations ran: their writes stay applied, but no
 * loaded value (values, formulas, items, null-object flags) is delivered.
 *
 * Requirement sets (host profiles): every proxy class carries its Office.js class name (`officeName`, given by
 * {@link installProxies}); a member whose `[Api set: …]` (office/apiSets.generated.ts, from @types/office-js) is
 * above the host's sets throws `ApiNotFound` where the Office.js library throws it — methods and navigation
 * properties when called or read, scalar properties when read after loading — and scalar properties a host lacks
 * cannot be loaded or written (the sync fails with ApiNotFound). Members the Office.js type has but the simulator
 * does not model throw `ApiNotFound` above the level too, and `NotImplemented` (naming the member) within it, so a
 * test never silently gets `undefined`.
 */
import type { WorkbookModel } from "../model/workbook";
import { SimError, SimErrorCodes, notFound } from "../errors";
import { setSupported } from "../profile";
import { type MemberInfo, memberInfo } from "./apiSets";
import { jsonByteLength } from "./jsonSize";

/** What the proxies need from the owning SimWorkbook. */
export interface SimHost {
  readonly model: WorkbookModel;
  /** Request payload limit per sync in bytes (Infinity: none). */
  readonly payloadLimitBytes: number;
  /** Error code of a request above the limit (the web profile: GeneralException, see ../profile.ts). */
  readonly oversizeRequestCode: string;
  /** Response payload limit per sync (bytes of the loaded values, as counted in `responseBytes`). */
  readonly responsePayloadLimitBytes: number;
  /** Requirement sets of the host profile (set → highest version). */
  readonly requirementSets: Record<string, string>;
  /** Called with "Class.member" whenever a member is refused with ApiNotFound. */
  refused?(member: string): void;
  /** Called once per non-empty sync before it runs; returns an injected fault or null. */
  takeFault(): { code: string; message?: string } | null;
  recordSync(requestBytes: number, responseBytes: number, failed?: boolean): void;
  /** Called after a sync that changed the model. */
  changed(): void;
}

export interface PendingValue {
  obj: SimObject;
  key: string;
  value: unknown;
}

interface Op {
  desc: unknown;
  run: (pending: PendingValue[]) => void;
}

export interface PropDef {
  /** Reads the value from the resolved target. */
  get?: (target: never, obj: SimObject) => unknown;
  /** Applies a write at sync. */
  set?: (target: never, value: unknown, obj: SimObject) => void;
  /** Excluded from `load()` without arguments (expensive or not a scalar). */
  noDefault?: boolean;
}

const UNRESOLVED = Symbol("unresolved");

export function notLoaded(name: string): SimError {
  return new SimError(
    SimErrorCodes.propertyNotLoaded,
    `The property '${name}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

export class SimContext {
  readonly trackedObjects = {
    add: (_o: unknown): void => undefined,
    remove: (_o: unknown): void => undefined,
  };
  readonly debugInfo = {};
  /** `context.workbook`, assigned by the Excel namespace factory. */
  workbook!: SimObject;
  private queue: Op[] = [];
  private closed = false;

  constructor(readonly host: SimHost) {}

  /** Queues an operation; `desc` is what gets serialised to count request bytes. */
  enqueue(desc: unknown, run: (pending: PendingValue[]) => void): void {
    this.queue.push({ desc, run });
  }

  get pendingOperations(): number {
    return this.queue.length;
  }

  close(): void {
    this.closed = true;
  }

  /** Runs the queued batch. Resolves asynchronously like a real round trip. */
  async sync<T>(passThroughValue?: T): Promise<T> {
    await Promise.resolve();
    if (this.closed) {
      throw new SimError(
        SimErrorCodes.invalidObjectPath,
        "The request context is no longer valid (Excel.run has finished).",
      );
    }
    const ops = this.queue;
    this.queue = [];
    if (ops.length === 0) return passThroughValue as T;
    const requestBytes = jsonByteLength(ops.map((o) => o.desc));
    const fault = this.host.takeFault();
    if (fault) {
      this.host.recordSync(requestBytes, 0, true);
      throw new SimError(fault.code, fault.message);
    }
    if (requestBytes > this.host.payloadLimitBytes) {
      this.host.recordSync(requestBytes, 0, true);
      const code = this.host.oversizeRequestCode;
      throw new SimError(
        code,
        code === SimErrorCodes.generalException
          ? "An internal error has occurred."
          : `The request payload size (${requestBytes} bytes) has exceeded the limit (${this.host.payloadLimitBytes} bytes).`,
      );
    }
    const model = this.host.model;
    const before = model.version;
    const pending: PendingValue[] = [];
    let failure: unknown = null;
    for (let i = 0; i < ops.length; i++) {
      try {
        ops[i].run(pending);
      } catch (e) {
        failure =
          e instanceof SimError
            ? e
            : new SimError(SimErrorCodes.generalException, String((e as Error)?.message ?? e));
        (failure as SimError).debugInfo.errorLocation = describe(ops[i].desc);
        break;
      }
    }
    if (model.version !== before) this.host.changed();
    if (failure) {
      this.host.recordSync(requestBytes, 0, true);
      throw failure;
    }
    let responseBytes = 0;
    for (const p of pending) {
      if (p.key !== "$items" && p.key !== "$null") responseBytes += jsonByteLength(p.value);
    }
    if (responseBytes > this.host.responsePayloadLimitBytes) {
      // Excel on the web refuses oversized responses: the operations ran, but nothing loaded is delivered.
      this.host.recordSync(requestBytes, responseBytes, true);
      throw new SimError(
        SimErrorCodes.responsePayloadSizeLimitExceeded,
        `The response payload size (${responseBytes} bytes) has exceeded the limit (${this.host.responsePayloadLimitBytes} bytes).`,
      );
    }
    for (const p of pending) {
      if (p.key === "$items") (p.obj as unknown as { _items: unknown })._items = p.value;
      else if (p.key === "$null") p.obj._isNull = p.value as boolean;
      else if (p.key === "$result") (p.obj as unknown as ClientResult<unknown>)._value = p.value;
      else p.obj._loaded.set(p.key, p.value);
    }
    this.host.recordSync(requestBytes, responseBytes);
    return passThroughValue as T;
  }
}

function describe(desc: unknown): string {
  const d = desc as { o?: string; a?: string; p?: string };
  return [d.o, d.a, d.p].filter(Boolean).join(".");
}

/** Like `OfficeExtension.ClientResult<T>`: `value` is available after sync. */
export class ClientResult<T> {
  _value: T | typeof UNRESOLVED = UNRESOLVED;
  get value(): T {
    if (this._value === UNRESOLVED) throw notLoaded("value");
    return this._value;
  }
  toJSON(): unknown {
    return this._value === UNRESOLVED ? undefined : this._value;
  }
}

type Resolver = () => unknown;

/** A proxy class as collections construct their items. */
export type ItemClass<T> = new (ctx: SimContext, path: string, resolver: Resolver, nullable: boolean) => T;

/** The requirement of `cls.member` when the host lacks it, else null. */
function missingRequirement(obj: SimObject, member: string): MemberInfo | null {
  const cls = (obj.constructor as typeof SimObject).officeName;
  const info = cls ? memberInfo(cls, member) : undefined;
  if (!info || setSupported(obj._ctx.host.requirementSets, info.set, info.version)) return null;
  return info;
}

/**
 * Office.js's own error for a member of a set the host lacks (`throwIfApiNotSupported`); the refusal is recorded
 * on the host (SimWorkbook.apiRefusals), so a test sees an unguarded call even when the add-in catches the error.
 */
export function apiNotFound(obj: SimObject, cls: string, member: string, info: MemberInfo): SimError {
  obj._ctx.host.refused?.(`${cls}.${member}`);
  const set = `${info.set} ${info.version}`;
  return new SimError(
    SimErrorCodes.apiNotFound,
    `The method or property ${cls}.${member} is part of the ${set} requirement set, which is not available in your version of Excel.`,
    `${cls}.${member}`,
  );
}

/** Throws ApiNotFound when the host profile lacks `member` of `obj`'s Office.js class. */
export function checkApi(obj: SimObject, member: string): void {
  const info = missingRequirement(obj, member);
  if (info) throw apiNotFound(obj, (obj.constructor as typeof SimObject).officeName, member, info);
}

/** Base proxy. Subclasses declare `props` (scalar properties) and `navs` (child proxies) on the class. */
export class SimObject {
  /** The Office.js class this proxy stands for ("Range"); set by {@link installProxies}. */
  static officeName = "";
  static props: Record<string, PropDef> = {};
  static navs: Record<string, (o: SimObject) => SimObject> = {};
  _loaded = new Map<string, unknown>();
  _isNull: boolean | undefined = undefined;
  private _target: unknown = UNRESOLVED;
  private _children = new Map<string, SimObject>();

  constructor(
    readonly _ctx: SimContext,
    readonly _path: string,
    private readonly _resolver: Resolver,
    readonly _nullable = false,
  ) {}

  get context(): SimContext {
    return this._ctx;
  }

  get isNullObject(): boolean {
    if (this._isNull === undefined) throw notLoaded("isNullObject");
    return this._isNull;
  }

  /** Resolves the target now (at sync); null for a missing object of an *OrNullObject method. */
  _resolveMaybe(): unknown {
    if (this._target !== UNRESOLVED) return this._target;
    const t = this._resolver();
    this._target = t === undefined ? null : t;
    return this._target;
  }

  /** Resolves the target or throws ItemNotFound for a null object. */
  _resolve<T>(): T {
    const t = this._resolveMaybe();
    if (t === null)
      throw new SimError(SimErrorCodes.itemNotFound, `The requested resource doesn't exist (${this._path}).`);
    return t as T;
  }

  _bind(target: unknown): this {
    this._target = target;
    this._isNull = target === null;
    return this;
  }

  _props(): Record<string, PropDef> {
    return (this.constructor as typeof SimObject).props;
  }

  _navs(): Record<string, (o: SimObject) => SimObject> {
    return (this.constructor as typeof SimObject).navs;
  }

  /** Cached navigation child (e.g. range.format). */
  _nav<T extends SimObject>(name: string, make: () => T): T {
    let c = this._children.get(name);
    if (!c) {
      c = make();
      this._children.set(name, c);
    }
    return c as T;
  }

  /** The cached navigation child declared in `navs`. */
  _navChild(name: string): SimObject {
    return this._nav(name, () => this._navs()[name](this));
  }

  _get(name: string): unknown {
    if (!this._loaded.has(name)) throw notLoaded(name);
    return this._loaded.get(name);
  }

  /** Queues a property write; the local proxy reflects the written value immediately (as Office.js does). */
  _set(name: string, value: unknown): void {
    const def = this._props()[name];
    if (!def?.set) throw new SimError(SimErrorCodes.invalidArgument, `The property '${name}' is read-only.`);
    this._loaded.set(name, value);
    const missing = missingRequirement(this, name);
    if (missing) {
      // The library queues the write; a host without the property refuses it at sync.
      const cls = (this.constructor as typeof SimObject).officeName;
      this._ctx.enqueue({ o: this._path, a: "set", p: name, v: value }, () => {
        throw apiNotFound(this, cls, name, missing);
      });
      return;
    }
    this._ctx.enqueue({ o: this._path, a: "set", p: name, v: value }, () =>
      def.set!(this._resolve<never>(), value, this),
    );
  }

  /** Queues a method call with no returned proxy. */
  _call(method: string, args: unknown[], run: (target: never) => void): void {
    this._ctx.enqueue({ o: this._path, a: method, v: args }, () => run(this._resolve<never>()));
  }

  /** Creates a child proxy and queues its resolution (so errors surface at sync even if it is never used). */
  _make<T extends SimObject>(
    Ctor: new (ctx: SimContext, path: string, resolver: Resolver, nullable: boolean) => T,
    method: string,
    args: unknown[],
    resolver: Resolver,
    nullable = false,
  ): T {
    const path = `${this._path}.${method}(${args.map((a) => JSON.stringify(a ?? null)).join(",")})`;
    const child = new Ctor(this._ctx, path, resolver, nullable);
    this._ctx.enqueue({ o: this._path, a: method, v: args }, (pending) => {
      const t = child._resolveMaybe();
      if (t === null && !nullable)
        throw new SimError(SimErrorCodes.itemNotFound, `The requested resource doesn't exist (${path}).`);
      pending.push({ obj: child, key: "$null", value: t === null });
    });
    return child;
  }

  /** Queues a method returning a ClientResult. */
  _result<T>(method: string, compute: (target: never) => T): ClientResult<T> {
    const r = new ClientResult<T>();
    this._ctx.enqueue({ o: this._path, a: method }, (pending) => {
      pending.push({
        obj: r as unknown as SimObject,
        key: "$result",
        value: compute(this._resolve<never>()),
      });
    });
    return r;
  }

  /** `load` in all its forms: "a,b", ["a","b"], {select, expand}, {a: true, format: {fill: {color: true}}}, none. */
  load(spec?: unknown): this {
    const paths = normalizeLoad(spec);
    this._ctx.enqueue({ o: this._path, a: "load", p: paths.join(",") }, (pending) =>
      this._loadNow(paths, pending),
    );
    return this;
  }

  /** Collects loaded values into `pending` (runs at sync). */
  _loadNow(paths: string[], pending: PendingValue[]): void {
    const target = this._resolveMaybe();
    pending.push({ obj: this, key: "$null", value: target === null });
    if (target === null) return;
    const props = this._props();
    // A plain load() brings what the host has: properties above its level are simply not there.
    const own =
      paths.length === 0
        ? Object.keys(props).filter(
            (k) => props[k].get && !props[k].noDefault && !missingRequirement(this, k),
          )
        : [];
    const byNav = new Map<string, string[]>();
    for (const p of paths) {
      const [head, ...rest] = p.split("/");
      if (props[head]?.get || head in this._navs()) checkApi(this, head);
      if (rest.length === 0 && props[head]?.get) own.push(head);
      else if (this._navs()[head]) {
        const list = byNav.get(head) ?? [];
        if (rest.length) list.push(rest.join("/"));
        byNav.set(head, list);
      } else if (rest.length === 0 && this._loadUnknown(head)) continue;
      else {
        const cls = (this.constructor as typeof SimObject).officeName;
        if (memberInfo(cls, head)) {
          checkApi(this, head);
          throw notModelled(cls, head);
        }
        throw new SimError(SimErrorCodes.invalidArgument, `Cannot load '${p}' on ${cls}.`);
      }
    }
    for (const k of own) pending.push({ obj: this, key: k, value: props[k].get!(target as never, this) });
    for (const [nav, sub] of byNav) this._navChild(nav)._loadNow(sub, pending);
  }

  /** Hook for subclasses that accept extra load names; return true when handled. */
  _loadUnknown(_name: string): boolean {
    return false;
  }

  /** Office's `set({...})`: assigns several properties (and nested navigation objects) at once. */
  set(properties: Record<string, unknown>): void {
    for (const [k, v] of Object.entries(properties)) {
      const isNav = k in this._navs();
      if (isNav && v && typeof v === "object" && !Array.isArray(v))
        this._navChild(k).set(v as Record<string, unknown>);
      else (this as unknown as Record<string, unknown>)[k] = v;
    }
  }

  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [k, v] of this._loaded) out[k] = v;
    for (const [k, c] of this._children) {
      const j = c.toJSON();
      if (Object.keys(j).length) out[k] = j;
    }
    return out;
  }
}

/** Turns any `load` argument into "a/b/c" paths ([] = default scalar properties). */
export function normalizeLoad(spec: unknown): string[] {
  if (spec === undefined || spec === null) return [];
  if (typeof spec === "string") {
    return spec
      .split(",")
      .map((s) => s.trim().replace(/\./g, "/"))
      .filter(Boolean);
  }
  if (Array.isArray(spec)) return spec.flatMap((s) => normalizeLoad(s));
  if (typeof spec === "object") {
    const o = spec as Record<string, unknown>;
    if ("select" in o || "expand" in o) {
      return [...normalizeLoad(o.select), ...normalizeLoad(o.expand)];
    }
    const out: string[] = [];
    for (const [k, v] of Object.entries(o)) {
      if (v === true) out.push(k);
      else if (v && typeof v === "object") {
        const sub = normalizeLoad(v);
        if (sub.length === 0) out.push(k);
        for (const s of sub) out.push(`${k}/${s}`);
      }
    }
    return out;
  }
  return [];
}

/** Base of collection proxies: `items` after load, `getItemAt`, `load("items/name")` or `load("name")`. */
export class SimCollection<T extends SimObject> extends SimObject {
  _items: T[] | undefined;

  get items(): T[] {
    if (!this._items) throw notLoaded("items");
    return this._items;
  }

  /** Current targets in order (at sync). */
  _list(): unknown[] {
    return [];
  }

  /** Proxy for one target. */
  _item(_target: unknown, _index: number): T {
    throw new Error("not implemented");
  }

  /** Office's `getItem(key)`: the item `find` returns at sync, ItemNotFound naming `what` when there is none. */
  protected _getItem<K>(Ctor: ItemClass<T>, key: K, find: (key: K) => unknown, what: string): T {
    return this._make(Ctor, "getItem", [key], () => {
      const found = find(key);
      if (found === null || found === undefined) throw notFound(`${what} '${String(key)}'`);
      return found;
    });
  }

  /** Office's `getItemOrNullObject(key)`: like getItem, but a null object when there is none. */
  protected _getItemOrNull<K>(Ctor: ItemClass<T>, key: K, find: (key: K) => unknown): T {
    return this._make(Ctor, "getItemOrNullObject", [key], () => find(key) ?? null, true);
  }

  /** Office's `getItemAt(index)` over `_list()`. */
  protected _getItemAt(Ctor: ItemClass<T>, index: number, what: string): T {
    return this._make(Ctor, "getItemAt", [index], () => {
      const found = this._list()[index];
      if (!found) throw notFound(`${what} #${index}`);
      return found;
    });
  }

  /** Office's `getCount()` over `_list()`. */
  protected _listCount(): ClientResult<number> {
    return this._result("getCount", () => this._list().length);
  }

  override _loadNow(paths: string[], pending: PendingValue[]): void {
    const props = this._props();
    const ownPaths = paths.filter((p) => props[p]?.get);
    const itemPaths = paths
      .filter((p) => !props[p]?.get)
      .map((p) => (p === "items" ? "" : p.startsWith("items/") ? p.slice(6) : p))
      .filter((p) => p !== "");
    if (ownPaths.length) super._loadNow(ownPaths, pending);
    const target = this._resolveMaybe();
    if (target === null) return;
    if (ownPaths.length && ownPaths.length === paths.length) return;
    const items = this._list().map((t, i) => this._item(t, i)._bind(t) as T);
    for (const it of items) it._loadNow(itemPaths, pending);
    pending.push({ obj: this, key: "$items", value: items });
  }

  override toJSON(): Record<string, unknown> {
    const out = super.toJSON();
    if (this._items) out.items = this._items.map((i) => i.toJSON());
    return out;
  }
}

/** The simulator's refusal of an Office.js member it does not model (within the host's level). */
export function notModelled(cls: string, member: string): SimError {
  return new SimError(
    SimErrorCodes.notImplemented,
    `The simulator does not model ${cls}.${member} (see the README's "Known host differences").`,
    `${cls}.${member}`,
  );
}

const registry = new Map<string, typeof SimObject>();

/** Every installed proxy class by Office.js name (for tests that walk the modelled object model). */
export function proxyClasses(): ReadonlyMap<string, typeof SimObject> {
  return registry;
}

/**
 * Installs proxy classes under their Office.js names (`{ Range }`, `{ CustomConditionalFormat: MyClass }`):
 * defines getters/setters for each class's `props` (read: loaded value or PropertyNotLoaded, then the requirement
 * check; write: queued), the cached `navs` (requirement-checked when read) and wraps its methods with the
 * requirement check (thrown at the call, as Office.js does).
 */
export function installProxies(classes: Record<string, typeof SimObject>): void {
  for (const [officeName, Ctor] of Object.entries(classes)) {
    Ctor.officeName = officeName;
    registry.set(officeName, Ctor);
    installProps(Ctor);
    const proto = Ctor.prototype as unknown as Record<string, unknown>;
    for (const name of Object.getOwnPropertyNames(proto)) {
      if (name === "constructor" || name.startsWith("_")) continue;
      const d = Object.getOwnPropertyDescriptor(proto, name);
      if (!d || typeof d.value !== "function" || !memberInfo(officeName, name)) continue;
      const method = d.value as (...args: unknown[]) => unknown;
      Object.defineProperty(proto, name, {
        ...d,
        value: function (this: SimObject, ...args: unknown[]) {
          checkApi(this, name);
          return method.apply(this, args);
        },
      });
    }
  }
}

/** The Office.js name of a receiver's proxy class, when the receiver is a proxy. */
function officeNameOf(receiver: unknown): string {
  const ctor = (receiver as { constructor?: { officeName?: unknown } } | null)?.constructor;
  return typeof ctor?.officeName === "string" ? ctor.officeName : "";
}

/**
 * Office.js members the simulator does not model: the last link of every proxy's prototype chain, reached only
 * for names no proxy class defines. A method of the Office.js type is returned as a function that throws when
 * called (the library has it; the call is what fails), a property throws when read or written: ApiNotFound above
 * the host's level, NotImplemented within it. Names that are not Office.js members read as `undefined` as usual.
 */
function unmodelled(receiver: unknown, prop: string | symbol): { cls: string; info: MemberInfo } | null {
  if (typeof prop !== "string" || prop in Object.prototype) return null;
  const cls = officeNameOf(receiver);
  const info = cls ? memberInfo(cls, prop) : undefined;
  return cls && info ? { cls, info } : null;
}

function refuse(receiver: unknown, cls: string, prop: string): never {
  const missing = missingRequirement(receiver as SimObject, prop);
  throw missing ? apiNotFound(receiver as SimObject, cls, prop, missing) : notModelled(cls, prop);
}

Object.setPrototypeOf(
  SimObject.prototype,
  new Proxy(Object.prototype, {
    get(target, prop, receiver) {
      const u = unmodelled(receiver, prop);
      if (u) {
        if (u.info.method) return (): never => refuse(receiver, u.cls, prop as string);
        refuse(receiver, u.cls, prop as string);
      }
      return Reflect.get(target, prop, receiver);
    },
    set(target, prop, value, receiver) {
      const u = unmodelled(receiver, prop);
      if (u) refuse(receiver, u.cls, prop as string);
      return Reflect.set(target, prop, value, receiver);
    },
  }),
);

/** Defines getters/setters for the class's `props` (read: loaded value or PropertyNotLoaded; write: queued). */
function installProps(Ctor: typeof SimObject): void {
  for (const [name, def] of Object.entries(Ctor.props)) {
    Object.defineProperty(Ctor.prototype, name, {
      configurable: true,
      get(this: SimObject) {
        const v = this._get(name);
        checkApi(this, name);
        return v;
      },
      set: def.set
        ? function (this: SimObject, v: unknown) {
            this._set(name, v);
          }
        : function () {
            throw new SimError(SimErrorCodes.invalidArgument, `The property '${name}' is read-only.`);
          },
    });
  }
  for (const [name, make] of Object.entries(Ctor.navs)) {
    if (Object.getOwnPropertyDescriptor(Ctor.prototype, name)) continue;
    Object.defineProperty(Ctor.prototype, name, {
      configurable: true,
      get(this: SimObject) {
        checkApi(this, name);
        return this._nav(name, () => make(this));
      },
    });
  }
}
